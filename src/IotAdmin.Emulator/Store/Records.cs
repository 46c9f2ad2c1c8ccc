using System.Text.Json.Nodes;

namespace IotAdmin.Emulator.Store;

internal sealed record OrganizationRecord(string Id, string DisplayName)
{
    public string Name => "organizations/" + Id;

    public JsonObject ToJson() => new() { ["name"] = Name, ["displayName"] = DisplayName };
}

internal sealed class ProjectRecord
{
    public required string Id { get; init; }

    public required string DisplayName { get; set; }

    public required OrganizationRecord Organization { get; init; }

    public bool Inventory { get; init; }

    /// <summary>Set for projects created through the API (propagation delay); null for seeded ones.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>{"latitude","longitude","timeLocation"} as given on create or update (dt-api-admin.md §1); null when never set.</summary>
    public JsonObject? Location { get; set; }

    public Dictionary<string, string> Labels { get; } = new(StringComparer.Ordinal);

    public string Name => "projects/" + Id;
}

internal sealed class DeviceRecord
{
    public required string Id { get; init; }

    public required string ProjectId { get; set; }

    public required string Type { get; init; }

    public string? ProductNumber { get; init; }

    public Dictionary<string, string> Labels { get; init; } = new(StringComparer.Ordinal);

    public JsonObject Reported { get; init; } = new();

    public DateTimeOffset? CreatedAt { get; init; }

    public string Name => $"projects/{ProjectId}/devices/{Id}";

    public JsonObject ToJson()
    {
        var labels = new JsonObject();
        foreach (var l in Labels.OrderBy(l => l.Key, StringComparer.Ordinal)) labels[l.Key] = l.Value;
        var json = new JsonObject { ["name"] = Name, ["type"] = Type };
        if (ProductNumber != null) json["productNumber"] = ProductNumber;
        json["labels"] = labels;
        json["reported"] = Reported.DeepClone();
        return json;
    }
}
