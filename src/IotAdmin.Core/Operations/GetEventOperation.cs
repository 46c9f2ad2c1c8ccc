using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Backends;
using IotAdmin.Errors;
using IotAdmin.Events;
using IotAdmin.Http;
using IotAdmin.Output;
using IotAdmin.Sessions;
using IotAdmin.Validation;

namespace IotAdmin.Operations
{
    /// <summary>
    /// Get-IotEvent: each device's history in the window, newest first, streamed page by page (1,000 events a request,
    /// memory flat). Without device ids, every device of the project. A failing device is a non-terminating error
    /// naming it; the next device goes on.
    /// </summary>
    internal static class GetEventOperation
    {
        public static Task RunAsync(IotSession session, GetEventRequest request, ICommandOutput output, CancellationToken cancellationToken) =>
            RunAsync(session, request, output, new ApiCallContext(output), cancellationToken);

        public static async Task RunAsync(IotSession session, GetEventRequest request, ICommandOutput output, ApiCallContext context, CancellationToken cancellationToken)
        {
            session.ThrowIfDisposed();
            if (request.ProjectId != null) InputRules.Require(InputRules.CheckId("Project", request.ProjectId), "ProjectId");
            var types = EventWindow.EventTypes(request.EventTypes);
            var start = EventWindow.Start(request, session.Time.GetUtcNow());
            var backend = EventsBackends.For(session);

            foreach (var device in await DevicesAsync(session, request, output, context, cancellationToken).ConfigureAwait(false))
            {
                var query = new EventQuery { ProjectId = device.Key, DeviceId = device.Value, Start = start, End = request.EndTime, EventTypes = types };
                try
                {
                    await foreach (var e in backend.ListEventsAsync(query, context, cancellationToken).ConfigureAwait(false)) output.WriteObject(e);
                }
                catch (IotApiException e) when (!ErrorRules.EndsTheCommand(e))
                {
                    output.WriteError(IotErrorInfo.FromApi(e, device.Value));
                }
            }
        }

        /// <summary>(project, device) pairs: the ids given, each checked (a bad one is an error naming it), or every device of the project.</summary>
        private static async Task<List<KeyValuePair<string, string>>> DevicesAsync(IotSession session, GetEventRequest request, ICommandOutput output, ApiCallContext context, CancellationToken cancellationToken)
        {
            var devices = new List<KeyValuePair<string, string>>();
            if (request.DeviceIds == null || request.DeviceIds.Count == 0)
            {
                if (request.ProjectId == null) throw new System.ArgumentException("Give -ProjectId (and -DeviceId), or pipe devices from Get-IotDevice: event history is read per device of one project.", "ProjectId");
                await foreach (var device in session.Backend.ListDevicesAsync(new DeviceQuery { ProjectId = request.ProjectId }, context, cancellationToken).ConfigureAwait(false))
                    devices.Add(new KeyValuePair<string, string>(request.ProjectId, device.DeviceId));
                return devices;
            }

            foreach (var reference in request.DeviceIds)
            {
                var split = InputRules.SplitDeviceReference(reference ?? string.Empty);
                var projectId = split.Key ?? request.ProjectId;
                var problem = InputRules.CheckId("Device", split.Value)
                    ?? (projectId == null ? "Device '" + split.Value + "' has no project: give -ProjectId, or pipe it from Get-IotDevice." : InputRules.CheckId("Project", projectId));
                if (problem != null)
                {
                    output.WriteError(IotErrorInfo.InvalidInput(ClientErrorIds.InvalidDeviceId, problem, reference, "Pass a device id such as the DeviceId of Get-IotDevice's output, with -ProjectId."));
                    continue;
                }

                devices.Add(new KeyValuePair<string, string>(projectId!, split.Value));
            }

            return devices;
        }
    }
}
