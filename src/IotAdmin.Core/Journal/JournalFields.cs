namespace IotAdmin.Journal
{
    /// <summary>The field names of a journal line (docs/about_IotAdmin_BulkOperations.md, "The journal"): written and read in one place.</summary>
    internal static class JournalFields
    {
        public const string Time = "time";
        public const string Operation = "operation";
        public const string Command = "command";
        public const string KeyId = "keyId";
        public const string Email = "email";
        public const string DeviceId = "deviceId";
        public const string ProjectBefore = "projectBefore";
        public const string ProjectAfter = "projectAfter";
        public const string LabelsBefore = "labelsBefore";
        public const string LabelsAfter = "labelsAfter";
    }
}
