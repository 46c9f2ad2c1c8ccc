using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Backends;
using IotAdmin.Http;
using IotAdmin.Models;
using IotAdmin.Output;
using IotAdmin.Sessions;
using IotAdmin.Wire;

namespace IotAdmin.Operations.Export
{
    /// <summary>
    /// Export-IotFleet: the account's first organization, its projects and every device (labels and latest reported
    /// state) as one JSON document (docs/about_IotAdmin_BulkOperations.md, "The fleet file"), written device by device
    /// as the listing pages arrive: memory stays flat however large the fleet. No secret is read or written.
    /// </summary>
    internal static class FleetExport
    {
        public const string Format = "IotAdmin.Fleet/1";

        /// <summary>Writes the file; returns the number of devices written.</summary>
        public static async Task<int> RunAsync(IotSession session, string path, ICommandOutput output, CancellationToken cancellationToken)
        {
            session.ThrowIfDisposed();
            var context = new ApiCallContext(output);
            var organization = (await session.GetOrganizationsAsync(context, cancellationToken).ConfigureAwait(false)).FirstOrDefault()
                ?? throw new InvalidOperationException("The account sees no organization: nothing to export.");
            var projects = new List<IotProject>();
            await foreach (var p in session.Backend.ListProjectsAsync(new ProjectQuery { OrganizationId = organization.OrganizationId }, context, cancellationToken).ConfigureAwait(false)) projects.Add(p);

            var progress = new ListingProgress(output, context.Counters, session.Time, "Export-IotFleet", "device");
            var devices = 0;
            using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
            {
                json.WriteStartObject();
                json.WriteString("format", Format);
                json.WriteString("exportedAt", session.Time.GetUtcNow().UtcDateTime.ToString("o", CultureInfo.InvariantCulture));
                json.WriteStartObject("organization");
                json.WriteString("id", organization.OrganizationId);
                json.WriteString("displayName", organization.DisplayName);
                json.WriteEndObject();
                json.WriteStartArray("projects");
                foreach (var p in projects)
                {
                    json.WriteStartObject();
                    json.WriteString("id", p.ProjectId);
                    json.WriteString("displayName", p.DisplayName);
                    json.WriteBoolean("inventory", p.IsInventory);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("devices");
                foreach (var p in projects)
                {
                    await foreach (var d in session.Backend.ListDevicesAsync(new DeviceQuery { ProjectId = p.ProjectId }, context, cancellationToken).ConfigureAwait(false))
                    {
                        WriteDevice(json, d);
                        devices++;
                        progress.Observe();
                        if (json.BytesPending > 1 << 16) await json.FlushAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                json.WriteEndArray();
                json.WriteEndObject();
                await json.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            progress.Complete();
            output.Verbose("Exported " + CountText.Of(devices, "device") + " in " + CountText.Of(projects.Count, "project") + " to " + path + ".");
            return devices;
        }

        private static void WriteDevice(Utf8JsonWriter json, IotDevice d)
        {
            json.WriteStartObject();
            json.WriteString("id", d.DeviceId);
            json.WriteString("projectId", d.ProjectId);
            json.WriteString("type", d.Type);
            if (d.ProductNumber != null) json.WriteString("productNumber", d.ProductNumber);
            json.WriteStartObject("labels");
            foreach (var l in d.Labels.OrderBy(l => l.Key, StringComparer.Ordinal)) json.WriteString(l.Key, l.Value);
            json.WriteEndObject();
            json.WritePropertyName("reported");
            DtReportedWriter.Write(json, d.Reported);
            json.WriteEndObject();
        }
    }
}
