namespace IotAdmin
{
    /// <summary>
    /// The error categories IotAdmin uses, with the same names and numeric values as
    /// System.Management.Automation.ErrorCategory, so the cmdlet layer converts by value
    /// while Core stays free of any PowerShell reference.
    /// </summary>
    public enum IotErrorCategory
    {
        NotSpecified = 0,
        InvalidArgument = 5,
        InvalidData = 6,
        InvalidOperation = 7,
        InvalidResult = 8,
        NotImplemented = 11,
        ObjectNotFound = 13,
        OperationStopped = 14,
        OperationTimeout = 15,
        PermissionDenied = 18,
        ResourceBusy = 19,
        ResourceExists = 20,
        ResourceUnavailable = 21,
        WriteError = 23,
        ProtocolError = 26,
        ConnectionError = 27,
        AuthenticationError = 28,
        LimitsExceeded = 29,
        QuotaExceeded = 30,
    }
}
