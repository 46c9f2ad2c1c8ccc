using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Backends;
using IotAdmin.Http;
using IotAdmin.Models;
using IotAdmin.Wire;

namespace IotAdmin.Events
{
    /// <summary>Event history and streams of the DT REST API v2 (dt-api-admin.md §6–7).</summary>
    internal sealed class DtEventsBackend : IEventsBackend
    {
        /// <summary>How much longer than the ping interval a silent stream is given before it counts as dead (PY allows 2 s).</summary>
        public static readonly TimeSpan SilenceMargin = TimeSpan.FromSeconds(5);

        private readonly ApiClient _api;

        public DtEventsBackend(ApiClient api)
        {
            _api = api;
        }

        public IAsyncEnumerable<IotEvent> ListEventsAsync(EventQuery query, ApiCallContext context, CancellationToken cancellationToken) =>
            Pager.PagesAsync<EventPage, EventDto, IotEvent>(
                _api,
                () => new ApiRequest(HttpMethod.Get, ResourceName.Device(query.ProjectId, query.DeviceId) + "/events") { Target = query.DeviceId }
                    .Query("startTime", Rfc3339(query.Start))
                    .Query("endTime", Rfc3339(query.End))
                    .Query("eventTypes", query.EventTypes),
                EventJsonContext.Default.EventPage,
                EventMapper.ToModel,
                query.PageSize,
                context,
                cancellationToken);

        public async Task<IEventStreamConnection> OpenStreamAsync(StreamQuery query, ApiCallContext context, CancellationToken cancellationToken)
        {
            var request = new ApiRequest(HttpMethod.Get, ResourceName.Project(query.ProjectId) + "/devices:stream")
            {
                Target = query.ProjectId,
                MayRetry = false,
                Accept = query.ServerSentEvents ? "text/event-stream" : "application/json",
            }
                .Query("device_ids", query.DeviceIds)
                .Query("device_types", query.DeviceTypes)
                .Query("event_types", query.EventTypes)
                .Query("label_filters", query.LabelFilters)
                .Query("ping_interval", ((long)Math.Ceiling(query.PingInterval.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s");
            var response = await _api.OpenAsync(request, context, cancellationToken).ConfigureAwait(false);
            try
            {
                var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                return new EventStreamConnection(response, body, "GET", request.DisplayPath(_api.ApiRoot), query.PingInterval + SilenceMargin, _api.Retries.Time);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        /// <summary>RFC 3339 in UTC with microseconds, as DT's clients send it.</summary>
        internal static string? Rfc3339(DateTimeOffset? time) =>
            time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
    }
}
