using System.Text.Json.Nodes;

namespace IotAdmin.Emulator.Api;

/// <summary>POST /v2/projects/{target}/devices:transfer: 404 names the target project; missing devices are transferErrors.</summary>
internal static class TransferHandler
{
    public static JsonNode Transfer(RequestContext r)
    {
        var target = ProjectHandlers.ProjectId(r);
        var names = r.StringArray("devices");
        if (names.Count == 0) throw ApiError.BadRequest("devices must not be empty", "devices");
        if (names.Count > r.Options.MaxBatch) throw ApiError.BadRequest($"too many devices: {names.Count}; at most {r.Options.MaxBatch} per call", "devices");
        return r.Store.Read<JsonNode>(v =>
        {
            if (v.Project(target) == null) throw ProjectHandlers.ProjectNotFound(target);
            var moved = new JsonArray();
            var errors = new JsonArray();
            foreach (var name in names)
            {
                var parts = name.Split('/');
                if (parts.Length != 4 || parts[0] != "projects" || parts[2] != "devices")
                {
                    errors.Add(LabelHandlers.Error(name, "INVALID_ARGUMENT", "device must be a name 'projects/{project}/devices/{device}'"));
                    continue;
                }

                var d = v.DeviceForWrite(parts[3]);
                if (d != null && d.ProjectId == target)
                {
                    moved.Add(name); // already there: a repeat is harmless
                    continue;
                }

                if (d == null || d.ProjectId != parts[1] || !Admin.Authorization.May(v, r.Caller, d.ProjectId, "device.read"))
                {
                    errors.Add(LabelHandlers.Error(name, "NOT_FOUND", "resource not found"));
                    continue;
                }

                if (!Admin.Authorization.May(v, r.Caller, d.ProjectId, "device.transfer"))
                {
                    errors.Add(LabelHandlers.Error(name, "PERMISSION_DENIED", Admin.Authorization.Denied("device.transfer", "project '" + d.ProjectId + "'").Message));
                    continue;
                }

                d.ProjectId = target;
                moved.Add(name);
            }

            return new JsonObject { ["transferredDevices"] = moved, ["transferErrors"] = errors };
        });
    }
}
