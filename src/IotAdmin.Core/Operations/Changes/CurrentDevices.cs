using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Backends;
using IotAdmin.Errors;
using IotAdmin.Http;
using IotAdmin.Models;
using IotAdmin.Output;
using IotAdmin.Sessions;

namespace IotAdmin.Operations.Changes
{
    /// <summary>
    /// Reads the devices a change plan will touch, in the fewest listing requests: per project either the whole
    /// project (100 devices a page) or filtered listings of 50 ids each, whichever takes fewer pages. Devices given
    /// without a project, or not in the project given (moved since), are found one GET each in every project.
    /// </summary>
    internal static class CurrentDevices
    {
        private const int PageSize = 100;

        /// <summary>The devices found, by id; each id not found is reported as a non-terminating error and left out.</summary>
        public static async Task<Dictionary<string, IotDevice>> ReadAsync(IotSession session, string commandName, IReadOnlyCollection<PlannedDevice> wanted, ICommandOutput output, ApiCallContext context, CancellationToken cancellationToken)
        {
            var progress = new ListingProgress(output, context.Counters, session.Time, commandName + ": reading the devices' current state", "device");
            var found = new Dictionary<string, IotDevice>(StringComparer.Ordinal);
            var elsewhere = wanted.Where(w => w.ProjectId == null).Select(w => w.DeviceId).ToList();
            var byProject = wanted.Where(w => w.ProjectId != null).GroupBy(w => w.ProjectId!, StringComparer.Ordinal).ToList();
            var sizes = byProject.Any(g => g.Count() > DeviceIdLookup.IdsPerRequest) ? await ProjectSizesAsync(session, context, cancellationToken).ConfigureAwait(false) : new Dictionary<string, int>();
            foreach (var project in byProject)
            {
                var ids = new HashSet<string>(project.Select(w => w.DeviceId), StringComparer.Ordinal);
                var lookups = (ids.Count + DeviceIdLookup.IdsPerRequest - 1) / DeviceIdLookup.IdsPerRequest;
                var wholeListing = sizes.TryGetValue(project.Key, out var size) && (size + PageSize - 1) / PageSize < lookups;
                var devices = wholeListing
                    ? session.Backend.ListDevicesAsync(new DeviceQuery { ProjectId = project.Key, PageSize = PageSize }, context, cancellationToken)
                    : DeviceIdLookup.ListAsync(session.Backend, project.Key, ids.ToList(), null, context, cancellationToken);
                try
                {
                    await foreach (var device in devices.ConfigureAwait(false))
                    {
                        progress.Observe();
                        if (ids.Contains(device.DeviceId)) found[device.DeviceId] = device;
                    }
                }
                catch (IotApiException e) when (!ErrorRules.EndsTheCommand(e))
                {
                    foreach (var id in ids.Where(i => !found.ContainsKey(i))) output.WriteError(IotErrorInfo.FromApi(e, "projects/" + project.Key + "/devices/" + id));
                    continue;
                }

                elsewhere.AddRange(ids.Where(i => !found.ContainsKey(i)));
            }

            foreach (var id in elsewhere)
            {
                try
                {
                    found[id] = await session.Backend.GetDeviceAsync("-", id, context, cancellationToken).ConfigureAwait(false);
                }
                catch (IotApiException e) when (!ErrorRules.EndsTheCommand(e))
                {
                    output.WriteError(IotErrorInfo.FromApi(e, id));
                }
            }

            progress.Complete();
            return found;
        }

        /// <summary>Devices per project (sensors and cloud connectors), from one project listing: tells whether listing a whole project is cheaper.</summary>
        private static async Task<Dictionary<string, int>> ProjectSizesAsync(IotSession session, ApiCallContext context, CancellationToken cancellationToken)
        {
            var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
            await foreach (var p in session.Backend.ListProjectsAsync(new ProjectQuery(), context, cancellationToken).ConfigureAwait(false)) sizes[p.ProjectId] = p.SensorCount + p.CloudConnectorCount;
            return sizes;
        }
    }
}
