using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Errors;
using IotAdmin.Events;
using IotAdmin.Http;
using IotAdmin.Models;
using IotAdmin.Output;
using IotAdmin.Sessions;
using IotAdmin.Validation;

namespace IotAdmin.Operations
{
    /// <summary>
    /// Watch-IotEvent: a project's live events until stopped, -Count or -Timeout. Every (re)connect runs under the
    /// session's retry strategy (backoff, a valid token per connect); a connection that delivered anything starts a
    /// fresh retry scope, as DT's clients reset their counter on data. After a reconnect the history of the devices
    /// known to the watch is read from the last event's time, so events the server kept are not lost, and the ids
    /// of recent events drop every repeat.
    /// </summary>
    internal sealed class WatchEventOperation
    {
        /// <summary>Devices whose history fills a reconnect gap when no -DeviceId was given (the most recent ones seen).</summary>
        public const int MaxResumedDevices = 100;

        private readonly IotSession _session;
        private readonly IEventsBackend _backend;
        private readonly StreamQuery _query;
        private readonly int? _count;
        private readonly ICommandOutput _output;
        private readonly ApiCallContext _context;
        private readonly RecentEventIds _seen = new RecentEventIds();
        private readonly List<string> _devices = new List<string>();
        private readonly bool _fixedDevices;
        private DateTimeOffset _since;
        private int _emitted;
        private int _connects;

        private WatchEventOperation(IotSession session, IEventsBackend backend, StreamQuery query, int? count, ICommandOutput output, ApiCallContext context)
        {
            _session = session;
            _backend = backend;
            _query = query;
            _count = count;
            _output = output;
            _context = context;
            _fixedDevices = query.DeviceIds.Count > 0;
            _devices.AddRange(query.DeviceIds);
            _since = session.Time.GetUtcNow();
        }

        private bool Done => _count.HasValue && _emitted >= _count.Value;

        public static Task RunAsync(IotSession session, WatchEventRequest request, ICommandOutput output, CancellationToken cancellationToken) =>
            RunAsync(session, request, output, new ApiCallContext(output), cancellationToken);

        public static async Task RunAsync(IotSession session, WatchEventRequest request, ICommandOutput output, ApiCallContext context, CancellationToken cancellationToken)
        {
            session.ThrowIfDisposed();
            var query = BuildQuery(request);
            if (request.Count.HasValue && request.Count.Value < 1) throw new ArgumentException("-Count must be 1 or more.", "Count");
            if (request.Timeout.HasValue && request.Timeout.Value <= TimeSpan.Zero) throw new ArgumentException("-Timeout must be a positive time span.", "Timeout");
            var watch = new WatchEventOperation(session, EventsBackends.For(session), query, request.Count, output, context);

            using var timeout = request.Timeout.HasValue ? session.Time.CreateCancellationTokenSource(request.Timeout.Value) : new CancellationTokenSource();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await watch.WatchAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                output.Verbose("Watch-IotEvent: -Timeout " + request.Timeout!.Value + " reached after " + watch._emitted + " events.");
            }
        }

        /// <summary>Checks every filter before any request; throws ArgumentException naming the parameter.</summary>
        internal static StreamQuery BuildQuery(WatchEventRequest request)
        {
            InputRules.Require(InputRules.CheckId("Project", request.ProjectId), "ProjectId");
            var deviceIds = new List<string>();
            foreach (var reference in request.DeviceIds ?? Array.Empty<string>())
            {
                var split = InputRules.SplitDeviceReference(reference ?? string.Empty);
                InputRules.Require(InputRules.CheckId("Device", split.Value), "DeviceId");
                if (split.Key != null && split.Key != request.ProjectId) throw new ArgumentException("Device '" + reference + "' is not in project '" + request.ProjectId + "': a stream watches one project.", "DeviceId");
                if (!deviceIds.Contains(split.Value)) deviceIds.Add(split.Value);
            }

            // The same device filters as Get-IotDevice, checked by the same rules.
            var filters = GetDeviceOperation.BuildQuery(new GetDeviceRequest { Labels = request.Labels, DeviceTypes = request.DeviceTypes });
            var labels = filters.Labels.Select(l => l.Value == null ? l.Key : l.Key + "=" + l.Value).ToList();

            return new StreamQuery
            {
                ProjectId = request.ProjectId,
                DeviceIds = deviceIds,
                DeviceTypes = request.DeviceTypes ?? Array.Empty<string>(),
                EventTypes = EventWindow.EventTypes(request.EventTypes),
                LabelFilters = labels,
                PingInterval = request.PingInterval,
                ServerSentEvents = request.ServerSentEvents,
            };
        }

        private async Task WatchAsync(CancellationToken cancellationToken)
        {
            var retries = _session.Api.Retries;
            while (!Done)
            {
                var scope = retries.Scope(_context, _session.Options.MaxAttempts);
                await retries.ExecuteAsync(scope, ConnectAndReadAsync, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// One connection. Returns when done, or when a connection that delivered something ends (the caller reconnects
        /// with a fresh retry scope); throws the retryable end of a connection that delivered nothing (backoff).
        /// </summary>
        private async Task<bool> ConnectAndReadAsync(CancellationToken cancellationToken)
        {
            using var connection = await _backend.OpenStreamAsync(_query, _context, cancellationToken).ConfigureAwait(false);
            _connects++;
            _output.Verbose(_connects == 1
                ? "Watching events of project '" + _query.ProjectId + "' (" + (_query.ServerSentEvents ? "text/event-stream" : "line-delimited JSON") + ")."
                : "Reconnected to the event stream of project '" + _query.ProjectId + "' (connection " + _connects + ").");
            if (_connects > 1) await ResumeAsync(cancellationToken).ConfigureAwait(false);
            var delivered = false;
            while (!Done)
            {
                StreamItem item;
                try
                {
                    item = await connection.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (IotApiException e) when (delivered && !ErrorRules.EndsTheCommand(e))
                {
                    _output.Verbose("The event stream ended (" + e.Message + "); reconnecting.");
                    return false;
                }

                delivered = true;
                if (item.Event == null)
                {
                    _output.Verbose("Ping from the event stream at " + item.PingTime?.ToString("u") + ".");
                    continue;
                }

                Emit(item.Event);
            }

            return true;
        }

        /// <summary>Fills the gap of a reconnect from history: each known device's events since the last one emitted, oldest first.</summary>
        private async Task ResumeAsync(CancellationToken cancellationToken)
        {
            if (_devices.Count == 0) return;
            _output.Verbose("Reading the history of " + _devices.Count + " device(s) since " + _since.ToString("u") + " to fill the reconnect gap.");
            foreach (var deviceId in _devices.ToList())
            {
                var missed = new List<IotEvent>();
                var query = new EventQuery { ProjectId = _query.ProjectId, DeviceId = deviceId, Start = _since, EventTypes = _query.EventTypes };
                try
                {
                    await foreach (var e in _backend.ListEventsAsync(query, _context, cancellationToken).ConfigureAwait(false)) missed.Add(e);
                }
                catch (IotApiException e) when (!ErrorRules.EndsTheCommand(e))
                {
                    _output.WriteWarning("Events of device '" + deviceId + "' during the reconnect may be missing: its history could not be read (" + e.Message + ").");
                }

                for (var i = missed.Count - 1; i >= 0 && !Done; i--) Emit(missed[i]);
            }
        }

        private void Emit(IotEvent e)
        {
            if (Done) return;
            if (!_seen.Add(e.EventId))
            {
                _output.Debug("Dropped a repeat of event " + e.EventId + ".");
                return;
            }

            if (e.Timestamp > _since) _since = e.Timestamp;
            if (!_fixedDevices && e.DeviceId.Length > 0)
            {
                _devices.Remove(e.DeviceId);
                _devices.Add(e.DeviceId);
                if (_devices.Count > MaxResumedDevices) _devices.RemoveAt(0);
            }

            _emitted++;
            _output.WriteObject(e);
        }
    }
}
