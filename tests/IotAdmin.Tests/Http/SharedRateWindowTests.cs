using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Http;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.Http
{
    /// <summary>
    /// Two limiters on one shared state file stand for two processes of one account on one machine: they share the
    /// window, the pause and the learned budget. The file holds no name or key.
    /// </summary>
    public sealed class SharedRateWindowTests : IDisposable
    {
        private readonly FakeTimeProvider _time = new FakeTimeProvider();
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "iotadmin-tests-" + Guid.NewGuid().ToString("N"));

        [Fact]
        public async Task Two_processes_share_one_window()
        {
            var root = new Uri("http://127.0.0.1:5080/v2/");
            using var a = new ClientRateLimiter(RateLimitOptions.Default, FileRateWindowStore.ForAccount(_folder, root, "key-1"), _time);
            using var b = new ClientRateLimiter(RateLimitOptions.Default, FileRateWindowStore.ForAccount(_folder, root, "key-1"), _time);
            var both = Task.WhenAll(ClientRateLimiterTests.AcquireManyAsync(a, _time, 100), ClientRateLimiterTests.AcquireManyAsync(b, _time, 100));
            var times = (await _time.RunAsync(both)).SelectMany(t => t).OrderBy(t => t).ToList();
            Assert.Equal(74, times.Count(t => t == times[0]));
            Assert.True(ClientRateLimiterTests.MaxInAnyWindow(times, TimeSpan.FromSeconds(10)) <= 74);
        }

        [Fact]
        public void A_429_in_one_process_pauses_and_lowers_the_other()
        {
            var root = new Uri("http://127.0.0.1:5080/v2/");
            using var a = new ClientRateLimiter(RateLimitOptions.Default, FileRateWindowStore.ForAccount(_folder, root, "key-1"), _time);
            using var b = new ClientRateLimiter(RateLimitOptions.Default, FileRateWindowStore.ForAccount(_folder, root, "key-1"), _time);
            using var other = new ClientRateLimiter(RateLimitOptions.Default, FileRateWindowStore.ForAccount(_folder, root, "key-2"), _time);
            a.OnThrottled(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), ApiCallContext.Silent().Log);
            Assert.Equal(_time.GetUtcNow().AddSeconds(30), b.PausedUntil);
            Assert.Equal(55, b.Budget);
            Assert.Null(other.PausedUntil);
            Assert.Equal(74, other.Budget);
        }

        [Fact]
        public void The_state_file_names_no_account_and_holds_no_text()
        {
            var store = FileRateWindowStore.ForAccount(_folder, new Uri("http://127.0.0.1:5080/v2/"), "key-visible-1");
            using var limiter = new ClientRateLimiter(RateLimitOptions.Default, store, _time);
            limiter.OnThrottled(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(60), ApiCallContext.Silent().Log);
            Assert.DoesNotContain("key", Path.GetFileName(store.Path), StringComparison.OrdinalIgnoreCase);
            var bytes = File.ReadAllBytes(store.Path);
            Assert.DoesNotContain("key-visible-1", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            Assert.DoesNotContain("127.0.0.1", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_damaged_state_file_starts_afresh()
        {
            var store = FileRateWindowStore.ForAccount(_folder, new Uri("http://127.0.0.1:5080/v2/"), "key-1");
            Directory.CreateDirectory(_folder);
            File.WriteAllBytes(store.Path, new byte[] { 1, 0, 0, 0, 9, 9 });
            using var limiter = new ClientRateLimiter(RateLimitOptions.Default, store, _time);
            Assert.Equal(TimeSpan.Zero, await limiter.AcquireAsync(ApiCallContext.Silent().Log, CancellationToken.None));
            Assert.Equal(74, limiter.Budget);
        }

        public void Dispose()
        {
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        }
    }
}
