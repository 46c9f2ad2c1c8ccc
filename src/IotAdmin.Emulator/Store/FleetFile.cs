using System.Text.Json;
using System.Text.Json.Nodes;

namespace IotAdmin.Emulator.Store;

/// <summary>
/// --fleet-file: a fleet exported by Export-IotFleet ("IotAdmin.Fleet/1": organization, projects, devices with labels
/// and reported state), served instead of a seeded one. Read here with the emulator's own parser (it shares no code
/// with the module); a file that is not a fleet is an error naming what is wrong.
/// </summary>
internal static class FleetFile
{
    public const string Format = "IotAdmin.Fleet/1";

    /// <summary>The fleet in the file; ArgumentException (the emulator's "bad option" error) when it is not one.</summary>
    public static (OrganizationRecord Organization, List<ProjectRecord> Projects, List<DeviceRecord> Devices) Load(string path)
    {
        try
        {
            return Read(path);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ArgumentException($"--fleet-file {path}: {e.Message}", e);
        }
    }

    private static (OrganizationRecord Organization, List<ProjectRecord> Projects, List<DeviceRecord> Devices) Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        if (!root.TryGetProperty("format", out var format) || format.GetString() != Format)
            throw new InvalidDataException($"'{path}' is not a fleet file (its \"format\" must be \"{Format}\").");
        var org = root.GetProperty("organization");
        var organization = new OrganizationRecord(Text(org, "id"), Text(org, "displayName"));
        var projects = root.GetProperty("projects").EnumerateArray()
            .Select(p => new ProjectRecord { Id = Text(p, "id"), DisplayName = Text(p, "displayName"), Organization = organization, Inventory = p.TryGetProperty("inventory", out var i) && i.GetBoolean() })
            .OrderBy(p => p.Inventory ? 0 : 1) // the inventory first: the seeded account's home
            .ToList();
        if (projects.Count == 0 || !projects[0].Inventory) throw new InvalidDataException($"'{path}' has no inventory project.");
        var known = projects.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var devices = new List<DeviceRecord>();
        foreach (var d in root.GetProperty("devices").EnumerateArray())
        {
            var device = new DeviceRecord
            {
                Id = Text(d, "id"),
                ProjectId = Text(d, "projectId"),
                Type = Text(d, "type"),
                ProductNumber = d.TryGetProperty("productNumber", out var pn) && pn.ValueKind == JsonValueKind.String ? pn.GetString() : null,
                Reported = d.TryGetProperty("reported", out var r) && r.ValueKind == JsonValueKind.Object ? JsonNode.Parse(r.GetRawText())!.AsObject() : new JsonObject(),
            };
            if (!known.Contains(device.ProjectId)) throw new InvalidDataException($"'{path}': device {device.Id} is in project {device.ProjectId}, which the file does not list.");
            if (d.TryGetProperty("labels", out var labels))
                foreach (var l in labels.EnumerateObject()) device.Labels[l.Name] = l.Value.GetString() ?? string.Empty;
            devices.Add(device);
        }

        return (organization, projects, devices);
    }

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new InvalidDataException($"A fleet file entry has no \"{name}\".");
}
