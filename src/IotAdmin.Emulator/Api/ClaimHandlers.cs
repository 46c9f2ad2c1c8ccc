using System.Text.Json.Nodes;

namespace IotAdmin.Emulator.Api;

/// <summary>GET /v2/claimInfo (and the old /v2:claim-info) and POST /v2/projects/{p}/devices:claim (dt-api-admin.md §8).</summary>
internal static class ClaimHandlers
{
    public const string InfoPath = "/v2/claimInfo";

    /// <summary>The earlier spelling of <see cref="InfoPath"/>, still served.</summary>
    public const string OldInfoPath = "/v2:claim-info";

    public static JsonNode Info(RequestContext r)
    {
        var identifier = r.Query["identifier"].ToString().Trim();
        if (identifier.Length == 0) throw ApiError.BadRequest("identifier (a kit id or a device id) is required", "identifier");
        return r.Events.Claims.Info(identifier) ?? throw ApiError.NotFound($"no kit or device '{identifier}'");
    }

    /// <summary>HTTP 200 with per-item claimErrors (ALREADY_CLAIMED, NOT_FOUND); dryRun=true computes the same answer and changes nothing.</summary>
    public static JsonNode Claim(RequestContext r)
    {
        var projectId = ProjectHandlers.ProjectId(r);
        if (r.Store.Read(v => v.Project(projectId)) == null) throw ProjectHandlers.ProjectNotFound(projectId);
        var dryRunText = Paging.PageSnapshots.First(r.Query, "dryRun", "dry_run") ?? "false";
        if (!bool.TryParse(dryRunText, out var dryRun)) throw ApiError.BadRequest($"dryRun must be true or false, not '{dryRunText}'", "dryRun");
        var kits = r.StringArray("kitIds");
        var devices = r.StringArray("deviceIds");
        if (kits.Count + devices.Count == 0) throw ApiError.BadRequest("kitIds or deviceIds must name at least one kit or device", "deviceIds");
        if (kits.Count + devices.Count > r.Options.MaxBatch) throw ApiError.BadRequest($"too many ids: {kits.Count + devices.Count}; at most {r.Options.MaxBatch} kits and devices per call", "deviceIds");
        var answer = r.Events.Claims.Claim(projectId, kits, devices, dryRun);
        if (!dryRun) r.Events.Simulator.CatchUp(); // claimed sensors start sending at once (if the fleet is awake)
        return answer;
    }
}
