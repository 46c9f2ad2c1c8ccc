using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Backends;
using IotAdmin.Http;
using IotAdmin.Models;

namespace IotAdmin.Completion
{
    /// <summary>
    /// What tab completion offers, per session: project ids (with display names, from a listing cached for a short
    /// while), device types, and label keys seen in this session's listings. Never throws and never waits long:
    /// completion must stay instant at the prompt.
    /// </summary>
    internal sealed class CompletionCatalog
    {
        /// <summary>The device types of dt-api.md; servers may send others, which are accepted everywhere.</summary>
        public static readonly IReadOnlyList<string> DeviceTypes = new[]
        {
            "temperature", "proximity", "touch", "humidity", "proximityCounter", "touchCounter", "waterDetector",
            "co2", "motion", "deskOccupancy", "contact", "ccon",
        };

        /// <summary>Fields Get-IotDevice -OrderBy sorts on (dt-api.md §3 order_by); labels.&lt;key&gt; are added from the label keys seen.</summary>
        public static readonly IReadOnlyList<string> SortableFields = new[]
        {
            "id", "type", "productNumber", "labels.name",
            "reported.temperature.value", "reported.humidity.relativeHumidity", "reported.humidity.temperature",
            "reported.co2.ppm", "reported.pressure.pascal", "reported.objectPresent.state", "reported.waterPresent.state",
            "reported.motion.state", "reported.deskOccupancy.state", "reported.contact.state", "reported.touch.updateTime",
            "reported.objectPresentCount.total", "reported.touchCount.total", "reported.networkStatus.signalStrength",
            "reported.networkStatus.rssi", "reported.networkStatus.updateTime", "reported.batteryStatus.percentage",
            "reported.connectionStatus.connection",
        };

        private const int MaxLabelKeys = 1000;

        private static readonly TimeSpan ProjectCacheLifetime = TimeSpan.FromSeconds(60);
        private static readonly TimeSpan LookupBudget = TimeSpan.FromSeconds(3);

        private readonly ConcurrentDictionary<string, byte> _labelKeys = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        private readonly TimeProvider _time;
        private readonly Func<ProjectQuery, ApiCallContext, CancellationToken, IAsyncEnumerable<IotProject>> _listProjects;
        private volatile CachedProjects? _projects;

        internal CompletionCatalog(TimeProvider time, Func<ProjectQuery, ApiCallContext, CancellationToken, IAsyncEnumerable<IotProject>> listProjects)
        {
            _time = time;
            _listProjects = listProjects;
            _labelKeys["name"] = 0;
        }

        /// <summary>Project ids starting with <paramref name="prefix"/>, with display names; empty when the API cannot be reached quickly.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> ProjectIds(string? prefix)
        {
            var projects = _projects;
            if (projects == null || _time.GetUtcNow() - projects.FetchedAt > ProjectCacheLifetime)
            {
                try
                {
                    using var cts = _time.CreateCancellationTokenSource(LookupBudget);
                    projects = Task.Run(() => FetchAsync(cts.Token)).GetAwaiter().GetResult();
                    _projects = projects;
                }
                catch (Exception e) when (e is IotApiException || e is OperationCanceledException)
                {
                    return projects?.Items.Where(p => Matches(p.Key, p.Value, prefix)).ToList() ?? new List<KeyValuePair<string, string>>();
                }
            }

            return projects.Items.Where(p => Matches(p.Key, p.Value, prefix)).ToList();
        }

        /// <summary>Label keys seen in this session's device listings (plus "name").</summary>
        public IReadOnlyList<string> LabelKeys(string? prefix) =>
            _labelKeys.Keys.Where(k => prefix == null || k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).OrderBy(k => k, StringComparer.OrdinalIgnoreCase).ToList();

        /// <summary>
        /// -OrderBy values starting with <paramref name="prefix"/>: the sortable fields and labels.&lt;key&gt; for the
        /// label keys seen; a leading "-" (descending) is kept on every suggestion.
        /// </summary>
        public IReadOnlyList<string> OrderByFields(string? prefix) => OrderByFields(prefix, _labelKeys.Keys);

        /// <summary>The same without a session: the fixed fields and labels.&lt;key&gt; for <paramref name="labelKeys"/>.</summary>
        public static IReadOnlyList<string> OrderByFields(string? prefix, IEnumerable<string> labelKeys)
        {
            var word = prefix ?? string.Empty;
            var sign = word.StartsWith("-", StringComparison.Ordinal) ? "-" : string.Empty;
            var field = word.Substring(sign.Length);
            return SortableFields
                .Concat(labelKeys.Select(k => "labels." + k))
                .Distinct(StringComparer.Ordinal)
                .Where(f => f.StartsWith(field, StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f.StartsWith("reported.", StringComparison.Ordinal)).ThenBy(f => f, StringComparer.OrdinalIgnoreCase)
                .Select(f => sign + f)
                .ToList();
        }

        internal void Observe(IotDevice device)
        {
            if (_labelKeys.Count >= MaxLabelKeys) return;
            foreach (var key in device.Labels.Keys) _labelKeys.TryAdd(key, 0);
        }

        private async Task<CachedProjects> FetchAsync(CancellationToken cancellationToken)
        {
            var items = new List<KeyValuePair<string, string>>();
            await foreach (var p in _listProjects(new ProjectQuery(), ApiCallContext.Silent(), cancellationToken).ConfigureAwait(false))
                items.Add(new KeyValuePair<string, string>(p.ProjectId, p.DisplayName));
            return new CachedProjects(_time.GetUtcNow(), items);
        }

        private static bool Matches(string id, string displayName, string? prefix) =>
            string.IsNullOrEmpty(prefix)
            || id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            || displayName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

        private sealed class CachedProjects
        {
            public CachedProjects(DateTimeOffset fetchedAt, List<KeyValuePair<string, string>> items)
            {
                FetchedAt = fetchedAt;
                Items = items;
            }

            public DateTimeOffset FetchedAt { get; }

            public List<KeyValuePair<string, string>> Items { get; }
        }
    }
}
