using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Backends;
using IotAdmin.Http;
using IotAdmin.Operations.Bulk;
using IotAdmin.Operations.Changes;
using IotAdmin.Operations.Export;
using IotAdmin.Sessions;

namespace IotAdmin.Bench
{
    /// <summary>Issue 18's figures: a 10,000-row spreadsheet at the real limit, and the fleet export's time and memory.</summary>
    internal static class WorkflowBench
    {
        /// <summary>10,000 rows with 40 distinct (room, floor) pairs through the change plan, against 75 requests / 10 s.</summary>
        public static async Task SpreadsheetAsync()
        {
            const int Rows = 10_000;
            await using var server = await BenchEmulator.StartAsync(Rows, projects: 1, rateLimit: 75);
            using var session = await BenchEmulator.ConnectAsync(server, RateLimitOptions.Default);
            var project = server.ProjectIds[0];
            var ids = new List<string>();
            await foreach (var d in session.Backend.ListDevicesAsync(new DeviceQuery { ProjectId = project }, ApiCallContext.Silent(), CancellationToken.None)) ids.Add(d.DeviceId);
            await Task.Delay(TimeSpan.FromSeconds(10)); // the listing above used the budget: start with a full window

            var output = new CountingOutput();
            var sw = Stopwatch.StartNew();
            var plan = new ChangePlanOperation(session, "Set-IotLabel", new BulkOptions(), null);
            for (var i = 0; i < ids.Count; i++)
            {
                var cells = new[] { new KeyValuePair<string, object?>("room", "R" + (i % 40 / 4)), new KeyValuePair<string, object?>("floor", "F" + (i % 4)) };
                plan.Add(new PlannedDevice(project, ids[i], RowChange.From(cells, false, out _)), output);
            }

            var summary = await plan.CompleteAsync(output, CancellationToken.None);
            Console.WriteLine($"== spreadsheet: {Rows:N0} rows, 40 distinct (room, floor) pairs, real limit 75 / 10 s");
            Console.WriteLine($"   {summary}");
            Console.WriteLine($"   wall time {sw.Elapsed.TotalSeconds:0.0} s; a per-row loop would send {Rows:N0} updates = {Rows / 7.5 / 60:0.0} min");
        }

        /// <summary>
        /// Export-IotFleet of 10,000 and 100,000 devices (1,000 per project, so the in-process emulator's per-listing
        /// snapshots are the same size in both): time, and the peak of live managed memory above the baseline,
        /// sampled with a full collection every 100 ms (what the export holds, not what it allocates and drops).
        /// </summary>
        public static async Task ExportAsync()
        {
            foreach (var devices in new[] { 10_000, 100_000 })
            {
                var projects = devices / 1000;
                await using var server = await BenchEmulator.StartAsync(devices, projects, rateLimit: 0);
                using var session = await BenchEmulator.ConnectAsync(server, new RateLimitOptions(0, TimeSpan.FromSeconds(10)));
                var file = Path.Combine(Path.GetTempPath(), "iotadmin-bench-fleet-" + Guid.NewGuid().ToString("N") + ".json");
                var sw = Stopwatch.StartNew();
                var written = await FleetExport.RunAsync(session, file, new CountingOutput(), CancellationToken.None);
                var elapsed = sw.Elapsed;

                // Again, sampling live memory (a full collection every 100 ms slows this pass down: not timed).
                var baseline = GC.GetTotalMemory(true);
                long peak = baseline;
                using var stop = new CancellationTokenSource();
                var sampler = Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        peak = Math.Max(peak, GC.GetTotalMemory(true));
                        try { await Task.Delay(100, stop.Token); } catch (OperationCanceledException) { }
                    }
                });
                await FleetExport.RunAsync(session, file, new CountingOutput(), CancellationToken.None);
                stop.Cancel();
                await sampler;
                Console.WriteLine($"== export: {written:N0} devices in {projects} projects, no rate limit");
                Console.WriteLine($"   {elapsed.TotalSeconds:0.0} s, file {new FileInfo(file).Length / 1024.0 / 1024.0:0.0} MiB, peak live managed memory above the baseline {(peak - baseline) / 1024.0 / 1024.0:0.0} MiB (client and the in-process emulator answering pages)");
                File.Delete(file);
            }
        }
    }
}
