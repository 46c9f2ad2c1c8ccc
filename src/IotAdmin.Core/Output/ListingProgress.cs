using System;
using System.Globalization;
using IotAdmin.Http;

namespace IotAdmin.Output
{
    /// <summary>
    /// Progress of a listing (Write-Progress on the prompt): once a second page is requested, one report per page with
    /// the items so far, the pages and the rate; completed (the bar disappears) when the listing ends. A one-page
    /// listing shows nothing. Pages are the command's requests, retries aside.
    /// </summary>
    internal sealed class ListingProgress
    {
        private readonly ICommandOutput _output;
        private readonly RequestCounters _counters;
        private readonly TimeProvider _time;
        private readonly string _activity;
        private readonly string _noun;
        private readonly int _activityId;
        private readonly int _baseline;
        private readonly long _started;
        private long _items;
        private int _reportedPages;

        /// <param name="output">Where the progress goes.</param>
        /// <param name="counters">The command's request counters (the listing's pages are its requests).</param>
        /// <param name="time">The session's clock.</param>
        /// <param name="activity">The command ("Get-IotDevice").</param>
        /// <param name="noun">What is listed, singular ("device").</param>
        public ListingProgress(ICommandOutput output, RequestCounters counters, TimeProvider time, string activity, string noun)
        {
            _output = output;
            _counters = counters;
            _time = time;
            _activity = activity;
            _noun = noun;
            _activityId = Math.Abs(StringComparer.Ordinal.GetHashCode(activity) % 1000) + 1;
            _baseline = Pages();
            _started = time.GetTimestamp();
        }

        /// <summary>True once a report was written (so that <see cref="Complete"/> has a bar to remove).</summary>
        public bool Shown => _reportedPages > 0;

        /// <summary>Counts one item; reports when it is the first of a new page beyond the first.</summary>
        public void Observe()
        {
            _items++;
            var pages = Pages() - _baseline;
            if (pages < 2 || pages == _reportedPages) return;
            _reportedPages = pages;
            var seconds = _time.GetElapsedTime(_started).TotalSeconds;
            var rate = seconds > 0 ? (_items / seconds).ToString("0", CultureInfo.InvariantCulture) : "-";
            var status = string.Format(CultureInfo.InvariantCulture, "{0} so far; {1}; {2} {3}s/s", CountText.Of(_items, _noun), CountText.Of(pages, "page"), rate, _noun);
            _output.WriteProgress(new IotProgress(_activityId, _activity, status));
        }

        /// <summary>Removes the bar, if one was shown.</summary>
        public void Complete()
        {
            if (Shown) _output.WriteProgress(new IotProgress(_activityId, _activity, "Done") { Completed = true, PercentComplete = 100 });
        }

        private int Pages() => _counters.Requests - _counters.Retries;
    }
}
