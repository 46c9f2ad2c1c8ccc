using System;
using System.Linq;
using IotAdmin.Http;
using IotAdmin.Output;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.Output
{
    /// <summary>Write-Progress of a listing: nothing for one page; per page after that; removed at the end.</summary>
    public class ListingProgressTests
    {
        private readonly RecordingOutput _output = new RecordingOutput();
        private readonly RequestCounters _counters = new RequestCounters();
        private readonly FakeTimeProvider _time = new FakeTimeProvider();

        [Fact]
        public void A_one_page_listing_shows_no_progress()
        {
            var progress = new ListingProgress(_output, _counters, _time, "Get-IotDevice", "device");
            Page(progress, 100);
            progress.Complete();

            Assert.Empty(_output.Progress);
        }

        [Fact]
        public void Each_later_page_reports_items_pages_and_rate_and_the_end_removes_the_bar()
        {
            var progress = new ListingProgress(_output, _counters, _time, "Get-IotDevice", "device");
            Page(progress, 100);
            _time.Advance(TimeSpan.FromSeconds(1));
            Page(progress, 100);
            _time.Advance(TimeSpan.FromSeconds(1));
            Page(progress, 50);
            progress.Complete();

            Assert.Equal(3, _output.Progress.Count);
            Assert.Equal("101 devices so far; 2 pages; 101 devices/s", _output.Progress[0].Status);
            Assert.Equal("201 devices so far; 3 pages; 101 devices/s", _output.Progress[1].Status);
            Assert.All(_output.Progress.Take(2), p => Assert.Equal(-1, p.PercentComplete));
            Assert.True(_output.Progress[2].Completed);
            Assert.Single(_output.Progress.Select(p => p.ActivityId).Distinct());
        }

        [Fact]
        public void Retried_requests_are_not_counted_as_pages()
        {
            var progress = new ListingProgress(_output, _counters, _time, "Get-IotDevice", "device");
            _counters.AddRequest();
            _counters.AddRequest();
            _counters.AddRetry(); // the first attempt failed: still one page
            progress.Observe();

            Assert.Empty(_output.Progress);
        }

        [Fact]
        public void Requests_sent_before_the_listing_are_not_its_pages()
        {
            for (var i = 0; i < 5; i++) _counters.AddRequest(); // e.g. the organizations lookup
            var progress = new ListingProgress(_output, _counters, _time, "Get-IotDevice", "device");
            Page(progress, 10);

            Assert.Empty(_output.Progress);
        }

        /// <summary>One page: its request, then its items.</summary>
        private void Page(ListingProgress progress, int items)
        {
            _counters.AddRequest();
            for (var i = 0; i < items; i++) progress.Observe();
        }
    }
}
