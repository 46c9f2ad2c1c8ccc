using System;
using System.Collections.Concurrent;

namespace IotAdmin.Http
{
    /// <summary>
    /// One limiter per (API endpoint, key id, budget) in the process — every session and runspace of one service
    /// account (ForEach-Object -Parallel, several Connect-IotAdmin calls) shares it — on a state file per account
    /// (<see cref="FileRateWindowStore"/>), so that other processes of the same account on this machine share it too.
    /// IOTADMIN_RATELIMIT_STATE=process keeps the state in the process (each process then relies on the adaptive budget).
    /// </summary>
    internal static class SharedRateLimiters
    {
        private static readonly ConcurrentDictionary<string, Lazy<ClientRateLimiter>> Limiters =
            new ConcurrentDictionary<string, Lazy<ClientRateLimiter>>(StringComparer.Ordinal);

        public static ClientRateLimiter For(Uri apiRoot, string keyId, RateLimitOptions options)
        {
            var key = apiRoot.AbsoluteUri.TrimEnd('/').ToLowerInvariant() + "|" + keyId + "|" + options.Key;
            return Limiters.GetOrAdd(key, _ => new Lazy<ClientRateLimiter>(() => new ClientRateLimiter(options, StoreFor(apiRoot, keyId), TimeProvider.System))).Value;
        }

        private static IRateWindowStore StoreFor(Uri apiRoot, string keyId)
        {
            var perProcess = string.Equals(Environment.GetEnvironmentVariable("IOTADMIN_RATELIMIT_STATE"), "process", StringComparison.OrdinalIgnoreCase);
            return perProcess ? new MemoryRateWindowStore() : (IRateWindowStore)FileRateWindowStore.ForAccount(FileRateWindowStore.DefaultFolder, apiRoot, keyId);
        }
    }
}
