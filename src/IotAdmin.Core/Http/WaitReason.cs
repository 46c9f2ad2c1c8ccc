namespace IotAdmin.Http
{
    /// <summary>Why a request waits for the limiter.</summary>
    internal enum WaitReason
    {
        None,

        /// <summary>A server 429 paused the account.</summary>
        Paused,

        /// <summary>The window holds the budget's requests (or requests queued before this one wait for it).</summary>
        WindowFull,

        /// <summary>After a 429 the lowered budget spaces requests evenly.</summary>
        Paced,
    }
}
