namespace IotAdmin.Http
{
    /// <summary>Where the HTTP pipeline reports what it does (retries, waits, throttling). May be called from any thread.</summary>
    internal interface IApiLog
    {
        void Verbose(string message);

        void Debug(string message);
    }
}
