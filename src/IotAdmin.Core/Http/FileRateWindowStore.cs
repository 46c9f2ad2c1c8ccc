using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace IotAdmin.Http
{
    /// <summary>
    /// The state in a small file per account, locked for each change, so that every process of one account on this
    /// machine (Start-Job, runbooks on one Hybrid Worker) shares one budget. The file holds times and numbers only;
    /// its name is a hash of the endpoint and key id. A stale file is harmless: its slots expire after one window and
    /// its pause is capped by the retry rules. If the file cannot be used, the state stays in this process.
    /// </summary>
    internal sealed class FileRateWindowStore : IRateWindowStore
    {
        private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(5);
        private static readonly TimeSpan StaleAfter = TimeSpan.FromDays(1);

        private readonly object _gate = new object(); // threads of this process queue here, not on the file lock
        private readonly MemoryRateWindowStore _fallback = new MemoryRateWindowStore();
        private bool _useFallback;

        public FileRateWindowStore(string path)
        {
            Path = path;
        }

        public string Path { get; }

        /// <summary>The default folder: per user (local application data, else the temp folder).</summary>
        public static string DefaultFolder
        {
            get
            {
                var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
                return System.IO.Path.Combine(string.IsNullOrEmpty(data) ? System.IO.Path.GetTempPath() : data, "IotAdmin", "ratelimit");
            }
        }

        /// <summary>The store for one account in <paramref name="folder"/>; removes other accounts' files unused for a day.</summary>
        public static FileRateWindowStore ForAccount(string folder, Uri apiRoot, string keyId)
        {
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(apiRoot.AbsoluteUri.TrimEnd('/').ToLowerInvariant() + "|" + keyId));
            var name = BitConverter.ToString(hash, 0, 16).Replace("-", string.Empty).ToLowerInvariant() + ".window";
            TryRemoveStale(folder);
            return new FileRateWindowStore(System.IO.Path.Combine(folder, name));
        }

        public T Update<T>(Func<RateWindowState, T> change)
        {
            lock (_gate)
            {
                if (!_useFallback)
                {
                    try
                    {
                        using var file = OpenLocked();
                        var state = RateWindowState.Read(file);
                        var result = change(state);
                        file.SetLength(0);
                        state.Write(file);
                        return result;
                    }
                    catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                    {
                        _useFallback = true; // one process keeps working on its own budget
                    }
                }

                return _fallback.Update(change);
            }
        }

        private FileStream OpenLocked()
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            var waiting = System.Diagnostics.Stopwatch.StartNew(); // real time: how long another process may hold the lock
            var spin = default(SpinWait);
            while (true)
            {
                try
                {
                    return new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 256, FileOptions.None);
                }
                catch (IOException) when (waiting.Elapsed < LockTimeout && File.Exists(Path))
                {
                    spin.SpinOnce(); // another process holds it for a few microseconds
                }
            }
        }

        private static void TryRemoveStale(string folder)
        {
            try
            {
                if (!Directory.Exists(folder)) return;
                foreach (var file in Directory.GetFiles(folder, "*.window"))
                {
                    if (TimeProvider.System.GetUtcNow().UtcDateTime - File.GetLastWriteTimeUtc(file) > StaleAfter) File.Delete(file);
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // Another process is cleaning up or using it: nothing to do.
            }
        }
    }
}
