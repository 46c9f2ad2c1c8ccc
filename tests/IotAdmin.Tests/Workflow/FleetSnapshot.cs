using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Backends;
using IotAdmin.Http;
using IotAdmin.Models;
using IotAdmin.Sessions;

namespace IotAdmin.Tests.Workflow
{
    /// <summary>Every device of every project the session sees, as comparable text (project, id, type, labels, reported state).</summary>
    internal static class FleetSnapshot
    {
        public static async Task<SortedDictionary<string, string>> TakeAsync(IotSession session)
        {
            var context = ApiCallContext.Silent();
            var devices = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var projects = new List<IotProject>();
            await foreach (var p in session.Backend.ListProjectsAsync(new ProjectQuery(), context, CancellationToken.None)) projects.Add(p);
            foreach (var p in projects)
                await foreach (var d in session.Backend.ListDevicesAsync(new DeviceQuery { ProjectId = p.ProjectId }, context, CancellationToken.None))
                    devices[d.DeviceId] = Describe(d);
            return devices;
        }

        public static string Describe(IotDevice d) =>
            d.Name + " " + d.Type + " " + d.ProductNumber + " {" + string.Join(",", d.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value)) + "} " + JsonSerializer.Serialize(d.Reported);

        public static async Task<List<IotDevice>> DevicesAsync(IotSession session, string projectId)
        {
            var list = new List<IotDevice>();
            await foreach (var d in session.Backend.ListDevicesAsync(new DeviceQuery { ProjectId = projectId }, ApiCallContext.Silent(), CancellationToken.None)) list.Add(d);
            return list;
        }

        /// <summary>The entries whose text differs (or that only one side has).</summary>
        public static List<string> Differences(IDictionary<string, string> a, IDictionary<string, string> b) =>
            a.Keys.Union(b.Keys).Where(k => !a.TryGetValue(k, out var x) || !b.TryGetValue(k, out var y) || x != y).ToList();
    }
}
