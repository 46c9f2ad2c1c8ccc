using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IotAdmin.Emulator.Store;

namespace IotAdmin.Emulator.Api.Admin;

/// <summary>POST /projects, PATCH and DELETE /projects/{p}, POST /projects:batchUpdate (dt-api-admin.md §1).</summary>
internal static class ProjectAdminHandlers
{
    // The shape of an IANA zone name (Europe/Oslo, America/Argentina/Buenos_Aires, UTC); not looked up, so the
    // emulator answers the same on a machine without tzdata.
    private static readonly Regex ZoneName = new("^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*\\z", RegexOptions.CultureInvariant);

    public static JsonNode Create(RequestContext r)
    {
        var body = r.BodyObject();
        var name = body.OptionalString("displayName");
        if (string.IsNullOrWhiteSpace(name)) throw ApiError.BadRequest("displayName is required", "displayName");
        var organization = body.OptionalString("organization") ?? string.Empty;
        var location = Location(body);
        return r.Store.Read(v =>
        {
            if (organization.Length > 0 && organization != v.Organization.Name && organization != v.Organization.Id) throw ApiError.NotFound($"organization '{organization}' not found");
            if (!v.SeesOrganization(r.Caller)) throw ApiError.NotFound($"organization '{v.Organization.Name}' not found");
            if (!v.OrganizationPermissions(r.Caller).Contains("project.create")) throw Authorization.Denied("project.create", $"organization '{v.Organization.Id}'");
            var project = v.CreateProject(name);
            project.Location = location;
            return v.ProjectJson(project);
        });
    }

    /// <summary>PATCH: displayName and location (TF also sends name and organization, which cannot change and are ignored).</summary>
    public static JsonNode Update(RequestContext r)
    {
        var id = ProjectHandlers.ProjectId(r);
        var body = r.BodyObject();
        var setName = r.Sets(body, "displayName");
        var name = body.OptionalString("displayName");
        if (setName && string.IsNullOrWhiteSpace(name)) throw ApiError.BadRequest("displayName must not be empty", "displayName");
        var setLocation = r.Sets(body, "location");
        var location = Location(body);
        return r.Store.Read(v =>
        {
            var p = v.Project(id) ?? throw ProjectHandlers.ProjectNotFound(id);
            if (setName) p.DisplayName = name!;
            if (setLocation) p.Location = location;
            return v.ProjectJson(p);
        });
    }

    /// <summary>Only an empty project can go: no devices, data connectors or service accounts; never the inventory.</summary>
    public static JsonNode Delete(RequestContext r)
    {
        var id = ProjectHandlers.ProjectId(r);
        return r.Store.Read<JsonNode>(v =>
        {
            var p = v.Project(id) ?? throw ProjectHandlers.ProjectNotFound(id);
            if (v.DeletionBlocker(p) is { } why) throw new ApiError(400, why, "FAILED_PRECONDITION");
            v.DeleteProjectAndMembers(p);
            return new JsonObject();
        });
    }

    /// <summary>
    /// Labels of several projects (TF's SetProjectLabels). Answers {"batchErrors":[{"project","status":{code,message}}]}
    /// like devices:batchUpdate: a project the caller cannot see is NOT_FOUND, one it may not change PERMISSION_DENIED.
    /// </summary>
    public static JsonNode BatchUpdate(RequestContext r)
    {
        var body = r.BodyObject();
        var names = body.Strings("projects");
        var add = body.StringMap("addLabels");
        var remove = body.Strings("removeLabels");
        foreach (var l in add)
            if ((LabelRules.CheckKey(l.Key) ?? LabelRules.CheckValue(l.Key, l.Value)) is { } problem) throw ApiError.BadRequest(problem, "addLabels");
        foreach (var key in remove)
            if (LabelRules.CheckKey(key) is { } problem) throw ApiError.BadRequest(problem, "removeLabels");
        if (add.Count == 0 && remove.Count == 0) throw ApiError.BadRequest("either addLabels or removeLabels must be given", "addLabels");
        if (names.Count == 0) throw ApiError.BadRequest("projects must not be empty", "projects");
        return r.Store.Read<JsonNode>(v =>
        {
            var errors = new JsonArray();
            foreach (var name in names)
            {
                var id = name.StartsWith("projects/", StringComparison.Ordinal) ? name["projects/".Length..] : string.Empty;
                var project = Ids.IsWellFormed(id) ? v.Project(id) : null;
                if (id.Length == 0 || !Ids.IsWellFormed(id)) errors.Add(Error(name, "INVALID_ARGUMENT", "project must be a name 'projects/{project}'"));
                else if (project == null || v.ProjectRole(r.Caller, project) == null) errors.Add(Error(name, "NOT_FOUND", "resource not found"));
                else if (!v.MayInProject(r.Caller, project, "project.update")) errors.Add(Error(name, "PERMISSION_DENIED", Authorization.Denied("project.update", name).Message));
                else if (project.Labels.Keys.Union(add.Keys).Except(remove).Count() > LabelRules.MaxLabelsPerDevice) errors.Add(Error(name, "INVALID_ARGUMENT", "Max labels reached for project."));
                else
                {
                    foreach (var l in add) project.Labels[l.Key] = l.Value;
                    foreach (var k in remove) project.Labels.Remove(k);
                }
            }

            return new JsonObject { ["batchErrors"] = errors };
        });
    }

    /// <summary>{"latitude":number|null,"longitude":number|null,"timeLocation":string} (timeLocation optional); null when absent.</summary>
    private static JsonObject? Location(JsonObject body)
    {
        var given = body.OptionalObject("location");
        if (given == null) return null;
        var latitude = given.OptionalNumber("latitude", "location.latitude");
        var longitude = given.OptionalNumber("longitude", "location.longitude");
        if (latitude is < -90 or > 90) throw ApiError.BadRequest("location.latitude must be from -90 to 90", "location.latitude");
        if (longitude is < -180 or > 180) throw ApiError.BadRequest("location.longitude must be from -180 to 180", "location.longitude");
        var zone = given.OptionalString("timeLocation", "location.timeLocation") ?? string.Empty;
        if (zone.Length > 0 && !ZoneName.IsMatch(zone)) throw ApiError.BadRequest($"location.timeLocation '{zone}' is not an IANA time zone", "location.timeLocation");
        return new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude, ["timeLocation"] = zone };
    }

    private static JsonObject Error(string project, string code, string message) =>
        new() { ["project"] = project, ["status"] = new JsonObject { ["code"] = code, ["message"] = message } };
}
