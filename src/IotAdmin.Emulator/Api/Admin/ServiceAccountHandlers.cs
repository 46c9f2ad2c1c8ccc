using System.Security.Cryptography;
using System.Text.Json.Nodes;
using IotAdmin.Emulator.Access;
using IotAdmin.Emulator.Store;

namespace IotAdmin.Emulator.Api.Admin;

/// <summary>/projects/{p}/serviceaccounts[/{sa}[/keys[/{k}]]] (dt-api-admin.md §4). Authorization has run already.</summary>
internal static class ServiceAccountHandlers
{
    public const int MaxKeys = 10;

    public static JsonNode List(RequestContext r)
    {
        var projectId = Project(r);
        return r.Page("serviceAccounts", () => r.Store.Read(v => v.Access.ServiceAccounts.Values.Where(a => a.ProjectId == projectId).OrderBy(a => a.CreateTime).ThenBy(a => a.Id, StringComparer.Ordinal).Select(a => a.Id).ToList()), id => r.Store.Read(v => v.ServiceAccount(id)?.ToJson()));
    }

    public static JsonNode Get(RequestContext r)
    {
        var (projectId, id) = Ids(r);
        return r.Store.Read(v => Find(v, projectId, id).ToJson());
    }

    /// <summary>{"displayName"?,"enableBasicAuth"?}: a new account is a member of nothing, not even its own project.</summary>
    public static JsonNode Create(RequestContext r)
    {
        var projectId = Project(r);
        var body = r.Body as JsonObject ?? new JsonObject();
        var name = body.OptionalString("displayName") ?? string.Empty;
        var basic = body.OptionalBool("enableBasicAuth") ?? false;
        return r.Store.Read(v =>
        {
            var id = Store.Ids.New(v.Random);
            var account = new ServiceAccountRecord
            {
                Id = id, ProjectId = projectId, Email = $"{id}@{projectId}.serviceaccount.d21s.com", DisplayName = name, EnableBasicAuth = basic,
                CreateTime = v.Now, UpdateTime = v.Now,
            };
            v.Access.ServiceAccounts[id] = account;
            return account.ToJson();
        });
    }

    public static JsonNode Update(RequestContext r)
    {
        var (projectId, id) = Ids(r);
        var body = r.BodyObject();
        var setName = r.Sets(body, "displayName");
        var name = body.OptionalString("displayName") ?? string.Empty;
        var setBasic = r.Sets(body, "enableBasicAuth");
        var basic = body.OptionalBool("enableBasicAuth") ?? false;
        return r.Store.Read(v =>
        {
            var account = Find(v, projectId, id);
            if (setName) account.DisplayName = name;
            if (setBasic) account.EnableBasicAuth = basic;
            foreach (var member in v.Access.Members.Where(m => m.IsServiceAccount && m.Id == id)) member.DisplayName = account.DisplayName;
            account.UpdateTime = v.Now;
            return account.ToJson();
        });
    }

    /// <summary>Deletes the account, its keys (Basic auth and new tokens stop at once) and its memberships.</summary>
    public static JsonNode Delete(RequestContext r)
    {
        var (projectId, id) = Ids(r);
        return r.Store.Read<JsonNode>(v =>
        {
            Find(v, projectId, id);
            v.Access.ServiceAccounts.Remove(id);
            v.Access.Members.RemoveAll(m => m.IsServiceAccount && m.Id == id);
            return new JsonObject();
        });
    }

    public static JsonNode ListKeys(RequestContext r)
    {
        var (projectId, id) = Ids(r);
        return r.Page("keys", () => r.Store.Read(v => Find(v, projectId, id).Keys.Select(k => k.Id).ToList()), keyId => r.Store.Read(v => v.ServiceAccount(id) is { } a && a.Keys.FirstOrDefault(k => k.Id == keyId) is { } key ? key.ToJson(a) : null));
    }

    public static JsonNode GetKey(RequestContext r)
    {
        var (projectId, id) = Ids(r);
        var keyId = r.Segments[5];
        return r.Store.Read(v =>
        {
            var account = Find(v, projectId, id);
            return (account.Keys.FirstOrDefault(k => k.Id == keyId) ?? throw KeyNotFound(keyId)).ToJson(account);
        });
    }

    /// <summary>POST …/keys (no body): {"key":Key,"secret":…}, the only time the secret is shown. At most 10 keys (400).</summary>
    public static JsonNode CreateKey(RequestContext r)
    {
        var (projectId, id) = Ids(r);
        return r.Store.Read<JsonNode>(v =>
        {
            var account = Find(v, projectId, id);
            if (account.Keys.Count >= MaxKeys) throw new ApiError(400, $"a service account has at most {MaxKeys} keys; delete one first", "FAILED_PRECONDITION");
            var key = new KeyRecord { Id = Store.Ids.New(v.Random), Secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(), CreateTime = v.Now };
            account.Keys.Add(key);
            return new JsonObject { ["key"] = key.ToJson(account), ["secret"] = key.Secret };
        });
    }

    /// <summary>Deletes a key: it can get no new token and no Basic auth; tokens it already got run until they expire.</summary>
    public static JsonNode DeleteKey(RequestContext r)
    {
        var (projectId, id) = Ids(r);
        var keyId = r.Segments[5];
        return r.Store.Read<JsonNode>(v =>
        {
            var account = Find(v, projectId, id);
            if (account.Keys.RemoveAll(k => k.Id == keyId) == 0) throw KeyNotFound(keyId);
            return new JsonObject();
        });
    }

    private static string Project(RequestContext r)
    {
        var id = ProjectHandlers.ProjectId(r);
        return r.Store.Read(v => v.Project(id)) != null ? id : throw ProjectHandlers.ProjectNotFound(id);
    }

    private static (string ProjectId, string AccountId) Ids(RequestContext r)
    {
        var projectId = Project(r);
        var id = r.Segments[3];
        return Store.Ids.IsWellFormed(id) ? (projectId, id) : throw ApiError.BadRequest($"'{id}' is not a valid service account id", "serviceAccountId");
    }

    private static ServiceAccountRecord Find(FleetStore.StoreView v, string projectId, string id) =>
        v.ServiceAccount(id) is { } a && a.ProjectId == projectId ? a : throw ApiError.NotFound($"service account '{id}' not found in project '{projectId}'");

    private static ApiError KeyNotFound(string keyId) => ApiError.NotFound($"key '{keyId}' not found");
}
