using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Backends;
using IotAdmin.Http;
using IotAdmin.Models;

namespace IotAdmin.Operations
{
    /// <summary>The one way to read known devices: filtered listings of 50 ids each, never one GET per device.</summary>
    internal static class DeviceIdLookup
    {
        /// <summary>Ids per listing request: keeps the URL short (under 2 KB of ids).</summary>
        public const int IdsPerRequest = 50;

        public static IEnumerable<List<string>> Chunks(IReadOnlyList<string> ids)
        {
            for (var i = 0; i < ids.Count; i += IdsPerRequest) yield return ids.Skip(i).Take(IdsPerRequest).ToList();
        }

        /// <summary>The devices of <paramref name="projectId"/> among <paramref name="ids"/> (and matching <paramref name="filter"/>, when given).</summary>
        public static async IAsyncEnumerable<IotDevice> ListAsync(IIotBackend backend, string projectId, IReadOnlyList<string> ids, DeviceQuery? filter, ApiCallContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var chunk in Chunks(ids))
            {
                var query = new DeviceQuery
                {
                    ProjectId = projectId,
                    DeviceIds = chunk,
                    Labels = filter?.Labels ?? new Dictionary<string, string?>(),
                    DeviceTypes = filter?.DeviceTypes ?? Array.Empty<string>(),
                    ProductNumbers = filter?.ProductNumbers ?? Array.Empty<string>(),
                    Query = filter?.Query,
                    OrderBy = filter?.OrderBy,
                };
                await foreach (var device in backend.ListDevicesAsync(query, context, cancellationToken).ConfigureAwait(false)) yield return device;
            }
        }
    }
}
