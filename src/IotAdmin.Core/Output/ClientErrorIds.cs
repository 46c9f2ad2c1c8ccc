namespace IotAdmin.Output
{
    /// <summary>
    /// The ErrorIds of failures IotAdmin finds itself, before any request (API failures take theirs from the error
    /// table: "IotApi" + the canonical status). One id per condition; docs/about_IotAdmin_Errors.md lists them.
    /// </summary>
    internal static class ClientErrorIds
    {
        /// <summary>A bad parameter value: the command ends before any request.</summary>
        public const string InvalidArgument = "IotInvalidArgument";

        /// <summary>A piped or given device id (or its project id) that cannot be an id.</summary>
        public const string InvalidDeviceId = "IotInvalidDeviceId";

        public const string InvalidProjectId = "IotInvalidProjectId";

        /// <summary>A label change one device cannot take (e.g. more labels than it may hold).</summary>
        public const string InvalidLabelChange = "IotInvalidLabelChange";

        public const string FileNotFound = "IotFileNotFound";

        public const string NotConnected = "IotNotConnected";

        /// <summary>A credentials file that exists (New-IotServiceAccountKey -OutFile without -Force), or a path that cannot be one.</summary>
        public const string FileExists = "IotFileExists";

        /// <summary>A file IotAdmin could not write (the key was made and is in the output; only the file is missing).</summary>
        public const string FileWriteFailed = "IotFileWriteFailed";
    }
}
