using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Backends;
using IotAdmin.Http;
using IotAdmin.Models;
using IotAdmin.Operations;
using IotAdmin.Sessions;
using IotAdmin.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace IotAdmin.Tests.Integration
{
    /// <summary>One emulator with 2,500 devices for the read-path tests (issue 2), started once for the class.</summary>
    public sealed class FleetFixture : IAsyncLifetime
    {
        public const int DeviceCount = 2500;

        internal Emulator Emulator { get; private set; } = null!;

        public IotSession Session { get; private set; } = null!;

        /// <summary>Every device, listed once without filters (the reference the filter tests compare against).</summary>
        public List<IotDevice> All { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Emulator = await Emulator.StartAsync(o => { o.Devices = DeviceCount; o.Projects = 5; o.Seed = 7; });
            Session = await Emulator.ConnectAsync();
            All = await Run(new GetDeviceRequest());
        }

        internal async Task<List<IotDevice>> Run(GetDeviceRequest request, RecordingOutput? output = null)
        {
            output ??= new RecordingOutput();
            await GetDeviceOperation.RunAsync(Session, request, output, new ApiCallContext(output), CancellationToken.None);
            Assert.Empty(output.Errors);
            return output.Objects.Cast<IotDevice>().ToList();
        }

        public async Task DisposeAsync()
        {
            Session.Dispose();
            await Emulator.DisposeAsync();
        }
    }

    public class ReadPathTests : IClassFixture<FleetFixture>
    {
        private readonly FleetFixture _f;
        private readonly ITestOutputHelper _log;

        public ReadPathTests(FleetFixture fixture, ITestOutputHelper log)
        {
            _f = fixture;
            _log = log;
        }

        [Fact]
        public void Listing_every_project_yields_each_device_exactly_once()
        {
            Assert.Equal(FleetFixture.DeviceCount, _f.All.Count);
            Assert.Equal(FleetFixture.DeviceCount, _f.All.Select(d => d.Name).Distinct().Count());
            Assert.All(_f.All, d =>
            {
                Assert.Equal("projects/" + d.ProjectId + "/devices/" + d.DeviceId, d.Name);
                Assert.False(string.IsNullOrEmpty(d.Type));
            });
        }

        [Fact]
        public async Task Projects_are_true_to_the_data()
        {
            var output = new RecordingOutput();
            await GetProjectOperation.RunAsync(_f.Session, null, null, null, output, new ApiCallContext(output), CancellationToken.None);
            var projects = output.Objects.Cast<IotProject>().ToList();
            Assert.Equal(5, projects.Count);
            Assert.Single(projects, p => p.IsInventory);
            foreach (var p in projects)
            {
                var devices = _f.All.Where(d => d.ProjectId == p.ProjectId).ToList();
                Assert.Equal(devices.Count(d => d.Type == "ccon"), p.CloudConnectorCount);
                Assert.Equal(devices.Count(d => d.Type != "ccon"), p.SensorCount);
                Assert.False(string.IsNullOrEmpty(p.OrganizationId));
            }
        }

        [Fact]
        public async Task Project_by_id_and_missing_project_is_a_non_terminating_error()
        {
            var output = new RecordingOutput();
            var id = _f.Emulator.Server.ProjectIds[1];
            await GetProjectOperation.RunAsync(_f.Session, new[] { "c0nosuchprojectxxxxx", id }, null, null, output, new ApiCallContext(output), CancellationToken.None);
            Assert.Equal(id, Assert.Single(output.Objects.Cast<IotProject>()).ProjectId);
            var error = Assert.Single(output.Errors);
            Assert.Equal(IotErrorCategory.ObjectNotFound, error.Category);
            Assert.Equal("IotApiNotFound", error.ErrorId);
            Assert.Equal("c0nosuchprojectxxxxx", error.TargetObject);
        }

        [Fact]
        public async Task Project_query_filters_by_display_name()
        {
            var output = new RecordingOutput();
            await GetProjectOperation.RunAsync(_f.Session, null, null, null, output, new ApiCallContext(output), CancellationToken.None);
            var target = output.Objects.Cast<IotProject>().First(p => !p.IsInventory);
            var filtered = new RecordingOutput();
            await GetProjectOperation.RunAsync(_f.Session, null, null, target.DisplayName, filtered, new ApiCallContext(filtered), CancellationToken.None);
            Assert.Contains(filtered.Objects.Cast<IotProject>(), p => p.ProjectId == target.ProjectId);
            Assert.All(filtered.Objects.Cast<IotProject>(), p => Assert.True(p.DisplayName.IndexOf(target.DisplayName, StringComparison.OrdinalIgnoreCase) >= 0 || (p.OrganizationDisplayName ?? "").IndexOf(target.DisplayName, StringComparison.OrdinalIgnoreCase) >= 0));
        }

        [Fact]
        public async Task One_project_lists_only_its_devices()
        {
            var project = _f.Emulator.Server.ProjectIds[1];
            var devices = await _f.Run(new GetDeviceRequest { ProjectId = project });
            Assert.Equal(Names(_f.All.Where(d => d.ProjectId == project)), Names(devices));
        }

        [Fact]
        public async Task Filter_by_device_type()
        {
            var devices = await _f.Run(new GetDeviceRequest { DeviceTypes = new[] { "temperature", "co2" } });
            Assert.NotEmpty(devices);
            Assert.Equal(Names(_f.All.Where(d => d.Type == "temperature" || d.Type == "co2")), Names(devices));
        }

        [Fact]
        public async Task Filter_by_product_number()
        {
            var number = _f.All.First(d => d.ProductNumber != null).ProductNumber!;
            var devices = await _f.Run(new GetDeviceRequest { ProductNumbers = new[] { number } });
            Assert.Equal(Names(_f.All.Where(d => d.ProductNumber == number)), Names(devices));
        }

        [Fact]
        public async Task Filter_by_label_value_and_by_label_presence()
        {
            var sample = _f.All.First(d => d.Labels.Count > 1 && d.Labels.Keys.Any(k => k != "name"));
            var key = sample.Labels.Keys.First(k => k != "name");
            var value = sample.Labels[key];
            var byValue = await _f.Run(new GetDeviceRequest { Labels = new Hashtable { [key] = value } });
            Assert.Equal(Names(_f.All.Where(d => d.Labels.TryGetValue(key, out var v) && v == value)), Names(byValue));
            var byPresence = await _f.Run(new GetDeviceRequest { Labels = new Hashtable { [key] = null } });
            Assert.Equal(Names(_f.All.Where(d => d.Labels.ContainsKey(key))), Names(byPresence));
            var emptyMeansPresence = await _f.Run(new GetDeviceRequest { Labels = new Hashtable { [key] = string.Empty } });
            Assert.Equal(Names(byPresence), Names(emptyMeansPresence));
        }

        [Fact]
        public async Task Filter_by_query_text()
        {
            var sample = _f.All.First(d => d.DisplayName != null);
            var devices = await _f.Run(new GetDeviceRequest { Query = sample.DeviceId });
            Assert.Contains(devices, d => d.Name == sample.Name);
        }

        [Fact]
        public async Task Filter_by_ids_in_one_listing_reports_missing_ids()
        {
            var project = _f.Emulator.Server.ProjectIds[1];
            var ids = _f.All.Where(d => d.ProjectId == project).Take(3).Select(d => d.DeviceId).ToList();
            var output = new RecordingOutput();
            var before = (await _f.Emulator.StatsAsync()).ApiRequests();
            await GetDeviceOperation.RunAsync(_f.Session, new GetDeviceRequest { ProjectId = project, DeviceIds = ids.Concat(new[] { "c0missingdevicexxxxx" }).ToList() }, output, new ApiCallContext(output), CancellationToken.None);
            var after = (await _f.Emulator.StatsAsync()).ApiRequests();
            Assert.Equal(ids.OrderBy(i => i), output.Objects.Cast<IotDevice>().Select(d => d.DeviceId).OrderBy(i => i));
            Assert.Equal(1, after - before); // one filtered listing, not one GET per id
            var error = Assert.Single(output.Errors);
            Assert.Equal("IotApiNotFound", error.ErrorId);
            Assert.Equal(IotErrorCategory.ObjectNotFound, error.Category);
            Assert.Equal("c0missingdevicexxxxx", error.TargetObject);
            Assert.StartsWith("GET /v2/projects/" + project + "/devices failed for device 'c0missingdevicexxxxx' (NOT_FOUND)", error.Message);
        }

        [Fact]
        public async Task A_missing_device_has_one_error_id_with_and_without_a_project()
        {
            var project = _f.Emulator.Server.ProjectIds[1];
            var withProject = new RecordingOutput();
            await GetDeviceOperation.RunAsync(_f.Session, new GetDeviceRequest { ProjectId = project, DeviceIds = new[] { "c0missingdevicexxxxx" } }, withProject, new ApiCallContext(withProject), CancellationToken.None);
            var withoutProject = new RecordingOutput();
            await GetDeviceOperation.RunAsync(_f.Session, new GetDeviceRequest { DeviceIds = new[] { "c0missingdevicexxxxx" } }, withoutProject, new ApiCallContext(withoutProject), CancellationToken.None);
            var a = Assert.Single(withProject.Errors);
            var b = Assert.Single(withoutProject.Errors);
            Assert.Equal("IotApiNotFound", a.ErrorId);
            Assert.Equal(a.ErrorId, b.ErrorId);
            Assert.Equal(a.Category, b.Category);
            Assert.Equal(a.TargetObject, b.TargetObject);
            Assert.IsType<IotApiException>(a.Exception);
            Assert.IsType<IotApiException>(b.Exception);
        }

        [Fact]
        public async Task Device_by_id_without_project_uses_the_wildcard()
        {
            var sample = _f.All[42];
            var devices = await _f.Run(new GetDeviceRequest { DeviceIds = new[] { sample.DeviceId } });
            Assert.Equal(sample.Name, Assert.Single(devices).Name);
            var byName = await _f.Run(new GetDeviceRequest { DeviceIds = new[] { sample.Name } });
            Assert.Equal(sample.Name, Assert.Single(byName).Name);
        }

        [Theory]
        [InlineData("labels.name")]
        [InlineData("-labels.name")]
        [InlineData("type")]
        [InlineData("-reported.batteryStatus.percentage")]
        public async Task Order_by_sorts_and_keeps_every_device(string orderBy)
        {
            var project = _f.Emulator.Server.ProjectIds[2];
            var devices = await _f.Run(new GetDeviceRequest { ProjectId = project, OrderBy = orderBy });
            Assert.Equal(Names(_f.All.Where(d => d.ProjectId == project)), Names(devices));
            if (orderBy.EndsWith("labels.name", StringComparison.Ordinal))
            {
                var names = devices.Where(d => d.DisplayName != null).Select(d => d.DisplayName!).ToList();
                var sorted = orderBy.StartsWith("-") ? names.OrderByDescending(n => n, StringComparer.Ordinal).ToList() : names.OrderBy(n => n, StringComparer.Ordinal).ToList();
                Assert.Equal(sorted, names);
            }
        }

        [Fact]
        public async Task Paging_while_labels_change_neither_skips_nor_repeats()
        {
            foreach (var orderBy in new string?[] { null, "labels.name" })
            {
                var project = _f.Emulator.Server.ProjectIds[3];
                var expected = Names(_f.All.Where(d => d.ProjectId == project));
                Assert.True(expected.Count > 200, "the project must span several pages");
                var seen = new List<string>();
                var ctx = ApiCallContext.Silent();
                var relabelled = false;
                await foreach (var device in _f.Session.Backend.ListDevicesAsync(new DeviceQuery { ProjectId = project, OrderBy = orderBy, PageSize = 50 }, ctx, CancellationToken.None))
                {
                    seen.Add(device.Name);
                    if (seen.Count == 60 && !relabelled)
                    {
                        // Rename every device, sending the ones not yet seen to the front of the order and the seen ones to the back.
                        var seenIds = seen.Select(n => n.Split('/').Last()).ToHashSet();
                        var all = _f.All.Where(d => d.ProjectId == project).Select(d => d.DeviceId).ToList();
                        await _f.Session.Backend.UpdateLabelsAsync(project, all.Where(id => !seenIds.Contains(id)).ToList(), new Dictionary<string, string> { ["name"] = "aaa-moved-forward" }, Array.Empty<string>(), ctx, CancellationToken.None);
                        await _f.Session.Backend.UpdateLabelsAsync(project, all.Where(seenIds.Contains).ToList(), new Dictionary<string, string> { ["name"] = "zzz-moved-back" }, Array.Empty<string>(), ctx, CancellationToken.None);
                        relabelled = true;
                    }
                }

                Assert.True(relabelled);
                Assert.Equal(seen.Count, seen.Distinct().Count());
                Assert.Equal(expected, Names(seen));
            }
        }

        [Fact]
        public async Task Streams_the_first_device_after_one_page()
        {
            var ctx = ApiCallContext.Silent();
            var sw = Stopwatch.StartNew();
            TimeSpan? first = null;
            var count = 0;
            await foreach (var d in _f.Session.Backend.ListDevicesAsync(new DeviceQuery { ProjectId = "-", OrganizationId = _f.Emulator.Server.OrganizationId }, ctx, CancellationToken.None))
            {
                first ??= sw.Elapsed;
                count++;
            }

            Assert.Equal(FleetFixture.DeviceCount, count);
            Assert.Equal(FleetFixture.DeviceCount / 100, ctx.Counters.Requests);
            _log.WriteLine("2,500-device listing: first device after {0:0.0} ms, all after {1:0.0} ms, {2} requests", first!.Value.TotalMilliseconds, sw.Elapsed.TotalMilliseconds, ctx.Counters.Requests);
        }

        [Theory]
        [InlineData("bad id!", null, null, "ProjectId")]
        [InlineData(null, "labels..x", null, "OrderBy")]
        [InlineData(null, null, "a b", "Label")]
        public async Task Bad_input_fails_before_any_request(string? projectId, string? orderBy, string? labelKey, string parameter)
        {
            var before = (await _f.Emulator.StatsAsync()).Requests;
            var request = new GetDeviceRequest { ProjectId = projectId, OrderBy = orderBy, Labels = labelKey == null ? null : new Hashtable { [labelKey] = "v" } };
            var e = await Assert.ThrowsAsync<ArgumentException>(() => GetDeviceOperation.RunAsync(_f.Session, request, new RecordingOutput(), ApiCallContext.Silent(), CancellationToken.None));
            Assert.Equal(parameter, e.ParamName);
            Assert.Equal(before, (await _f.Emulator.StatsAsync()).Requests);
        }

        [Fact]
        public async Task Server_rejects_bad_query_values_with_a_dt_error_body()
        {
            var ctx = ApiCallContext.Silent();
            var e = await Assert.ThrowsAsync<IotApiException>(async () =>
            {
                await foreach (var _ in _f.Session.Backend.ListDevicesAsync(new DeviceQuery { ProjectId = _f.Emulator.Server.ProjectIds[1], OrderBy = "nosuchroot.x" }, ctx, CancellationToken.None))
                {
                }
            });
            Assert.Equal(400, e.StatusCode);
            Assert.Equal(IotErrorCategory.InvalidArgument, e.Category);
            Assert.NotNull(e.HelpUri);
            var page = await Assert.ThrowsAsync<IotApiException>(async () =>
            {
                await foreach (var _ in _f.Session.Backend.ListDevicesAsync(new DeviceQuery { ProjectId = _f.Emulator.Server.ProjectIds[1], PageSize = 101 }, ctx, CancellationToken.None))
                {
                }
            });
            Assert.Equal(400, page.StatusCode);
        }

        private static List<string> Names(IEnumerable<IotDevice> devices) => devices.Select(d => d.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();

        private static List<string> Names(IEnumerable<string> names) => names.OrderBy(n => n, StringComparer.Ordinal).ToList();
    }
}
