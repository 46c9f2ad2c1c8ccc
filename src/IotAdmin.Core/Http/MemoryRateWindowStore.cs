using System;

namespace IotAdmin.Http
{
    /// <summary>The state in this process only (tests, and the fallback when the shared file cannot be used).</summary>
    internal sealed class MemoryRateWindowStore : IRateWindowStore
    {
        private readonly RateWindowState _state = new RateWindowState();

        public T Update<T>(Func<RateWindowState, T> change)
        {
            lock (_state) return change(_state);
        }
    }
}
