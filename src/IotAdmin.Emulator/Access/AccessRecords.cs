using System.Text.Json.Nodes;

namespace IotAdmin.Emulator.Access;

/// <summary>A service account (dt-api-admin.md §4): owned by one project, a member of nothing until added.</summary>
internal sealed class ServiceAccountRecord
{
    public required string Id { get; init; }

    public required string ProjectId { get; init; }

    /// <summary>{id}@{project}.serviceaccount.d21s.com, or the seeded account's own e-mail.</summary>
    public required string Email { get; init; }

    public string DisplayName { get; set; } = string.Empty;

    public bool EnableBasicAuth { get; set; }

    public required DateTimeOffset CreateTime { get; init; }

    public DateTimeOffset UpdateTime { get; set; }

    public List<KeyRecord> Keys { get; } = new();

    public string Name => $"projects/{ProjectId}/serviceaccounts/{Id}";

    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["email"] = Email,
        ["displayName"] = DisplayName,
        ["enableBasicAuth"] = EnableBasicAuth,
        ["createTime"] = Time.Format(CreateTime),
        ["updateTime"] = Time.Format(UpdateTime),
    };
}

/// <summary>A key of a service account; its secret is handed out once, at creation.</summary>
internal sealed class KeyRecord
{
    public required string Id { get; init; }

    public required string Secret { get; init; }

    public required DateTimeOffset CreateTime { get; init; }

    public JsonObject ToJson(ServiceAccountRecord owner) => new()
    {
        ["name"] = owner.Name + "/keys/" + Id,
        ["id"] = Id,
        ["createTime"] = Time.Format(CreateTime),
    };

    // The secret stays out of logs and test output.
    public override string ToString() => Id;
}

/// <summary>One role of one user or service account in a project or the organization (exactly one role, DT's rule).</summary>
internal sealed class MemberRecord
{
    /// <summary>"projects/{p}" or "organizations/{o}".</summary>
    public required string Scope { get; init; }

    /// <summary>The service account's id, or a user's numeric id.</summary>
    public required string Id { get; init; }

    public required string Email { get; init; }

    public string DisplayName { get; set; } = string.Empty;

    public required string Role { get; set; }

    public required string Status { get; init; }

    public required string AccountType { get; init; }

    public required DateTimeOffset CreateTime { get; init; }

    public string Name => Scope + "/members/" + Id;

    public bool IsServiceAccount => AccountType == "SERVICE_ACCOUNT";

    /// <summary>The member; createTime is null in the answer to its creation (as DT's, which SW works around).</summary>
    public JsonObject ToJson(bool justCreated = false) => new()
    {
        ["name"] = Name,
        ["displayName"] = DisplayName,
        ["roles"] = new JsonArray("roles/" + Role),
        ["status"] = Status,
        ["email"] = Email,
        ["accountType"] = AccountType,
        ["createTime"] = justCreated ? null : Time.Format(CreateTime),
    };
}

/// <summary>RFC 3339 UTC with microseconds, as DT writes times.</summary>
internal static class Time
{
    public static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
