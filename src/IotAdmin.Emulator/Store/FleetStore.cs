using System.Text.Json.Nodes;
using IotAdmin.Emulator.Access;

namespace IotAdmin.Emulator.Store;

/// <summary>The emulator's in-memory data: one organization, its projects and devices. Every access takes one lock.</summary>
internal sealed partial class FleetStore
{
    private readonly object _lock = new();
    private readonly EmulatorOptions _options;
    private readonly Random _random;
    private Dictionary<string, ProjectRecord> _projects = new(StringComparer.Ordinal);
    private Dictionary<string, DeviceRecord> _devices = new(StringComparer.Ordinal);

    public FleetStore(EmulatorOptions options)
    {
        _options = options;
        _random = new Random(options.Seed ^ 0x5eed);
        Reset();
    }

    public OrganizationRecord Organization { get; private set; } = null!;

    /// <summary>Seeded project ids in creation order (the inventory first).</summary>
    public IReadOnlyList<string> SeededProjectIds { get; private set; } = Array.Empty<string>();

    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    public void Reset()
    {
        var (organization, projects, devices) = _options.FleetFile != null ? FleetFile.Load(_options.FleetFile) : FleetSeeder.Create(_options);
        lock (_lock)
        {
            Organization = organization;
            _projects = projects.ToDictionary(p => p.Id, StringComparer.Ordinal);
            _devices = devices.ToDictionary(d => d.Id, StringComparer.Ordinal);
            SeededProjectIds = projects.Select(p => p.Id).ToList();
            _access = AccessState.Seed(_options, organization, projects[0], Now);
        }
    }

    public T Read<T>(Func<StoreView, T> read)
    {
        lock (_lock) return read(new StoreView(this));
    }

    /// <summary>A consistent view under the lock; handlers use it for reads and writes alike.</summary>
    internal readonly partial struct StoreView
    {
        private readonly FleetStore _s;

        public StoreView(FleetStore s) => _s = s;

        public OrganizationRecord Organization => _s.Organization;

        public IEnumerable<ProjectRecord> Projects => _s._projects.Values.Where(Visible).OrderBy(p => p.Inventory ? 0 : 1).ThenBy(p => p.DisplayName, StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal);

        public IEnumerable<DeviceRecord> Devices => _s._devices.Values.Where(Visible);

        public ProjectRecord? Project(string id) => _s._projects.TryGetValue(id, out var p) && Visible(p) ? p : null;

        public DeviceRecord? Device(string id) => _s._devices.TryGetValue(id, out var d) && Visible(d) ? d : null;

        /// <summary>The device whatever its propagation state (writes see it at once).</summary>
        public DeviceRecord? DeviceForWrite(string id) => _s._devices.TryGetValue(id, out var d) ? d : null;

        public JsonObject ProjectJson(ProjectRecord p)
        {
            var id = p.Id;
            var devices = _s._devices.Values.Where(d => d.ProjectId == id).ToList();
            return new JsonObject
            {
                ["name"] = p.Name,
                ["displayName"] = p.DisplayName,
                ["organization"] = p.Organization.Name,
                ["organizationDisplayName"] = p.Organization.DisplayName,
                ["sensorCount"] = devices.Count(d => d.Type != "ccon"),
                ["cloudConnectorCount"] = devices.Count(d => d.Type == "ccon"),
                ["inventory"] = p.Inventory,
                ["location"] = p.Location?.DeepClone(),
                ["labels"] = new JsonObject(p.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))),
            };
        }

        public ProjectRecord CreateProject(string displayName)
        {
            var p = new ProjectRecord { Id = Ids.New(_s._random), DisplayName = displayName, Organization = _s.Organization, CreatedAt = _s.Now };
            _s._projects[p.Id] = p;
            return p;
        }

        public DeviceRecord CreateDevice(string projectId, string type, IDictionary<string, string> labels)
        {
            var d = new DeviceRecord { Id = Ids.New(_s._random, "emu"), ProjectId = projectId, Type = type, CreatedAt = _s.Now };
            foreach (var l in labels) d.Labels[l.Key] = l.Value;
            d.Labels["virtual-sensor"] = string.Empty;
            FleetSeeder.FillReported(d.Reported, type, _s._random, neverReported: true);
            _s._devices[d.Id] = d;
            return d;
        }

        public bool DeleteDevice(string id) => _s._devices.Remove(id);

        /// <summary>A claimed device joins the fleet (Claims/ClaimInventory.cs).</summary>
        public void AddDevice(DeviceRecord d) => _s._devices[d.Id] = d;

        private bool Visible(ProjectRecord p) => p.CreatedAt is not { } created || _s.Now - created >= TimeSpan.FromMilliseconds(_s._options.PropagationDelayMs);

        private bool Visible(DeviceRecord d) => d.CreatedAt is not { } created || _s.Now - created >= TimeSpan.FromMilliseconds(_s._options.PropagationDelayMs);
    }
}
