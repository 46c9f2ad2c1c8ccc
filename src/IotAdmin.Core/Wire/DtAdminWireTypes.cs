using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace IotAdmin.Wire
{
    // The DT REST API v2's administration resources on the wire (dt-api-admin.md §1–4, §10). Internal: cmdlets see
    // only the models. Unknown fields are ignored.

    internal sealed class MemberDto
    {
        public string? Name { get; set; }

        public string? DisplayName { get; set; }

        public List<string>? Roles { get; set; }

        public string? Status { get; set; }

        public string? Email { get; set; }

        public string? AccountType { get; set; }

        /// <summary>Null in the answer to a create (dt-api-admin.md §2).</summary>
        public System.DateTimeOffset? CreateTime { get; set; }
    }

    internal sealed class MemberPage : IPage<MemberDto>
    {
        public List<MemberDto>? Members { get; set; }

        public string? NextPageToken { get; set; }

        IEnumerable<MemberDto>? IPage<MemberDto>.Items => Members;
    }

    internal sealed class AddMemberRequest
    {
        public List<string> Roles { get; set; } = new List<string>();

        public string Email { get; set; } = string.Empty;
    }

    internal sealed class UpdateMemberRequest
    {
        public List<string> Roles { get; set; } = new List<string>();
    }

    internal sealed class BatchMemberDto
    {
        public string Project { get; set; } = string.Empty;

        public string Email { get; set; } = string.Empty;

        public List<string> Roles { get; set; } = new List<string>();
    }

    internal sealed class BatchCreateMembersRequest
    {
        public List<BatchMemberDto> Members { get; set; } = new List<BatchMemberDto>();
    }

    internal sealed class BatchCreateMembersResponse
    {
        public List<MemberDto>? Members { get; set; }
    }

    internal sealed class BatchDeleteMembersRequest
    {
        public List<string> Names { get; set; } = new List<string>();
    }

    internal sealed class InviteUrlResponse
    {
        public string? InviteUrl { get; set; }
    }

    internal sealed class RoleDto
    {
        public string? Name { get; set; }

        public string? DisplayName { get; set; }

        public string? Description { get; set; }

        public List<string>? Permissions { get; set; }
    }

    internal sealed class RolePage : IPage<RoleDto>
    {
        public List<RoleDto>? Roles { get; set; }

        public string? NextPageToken { get; set; }

        IEnumerable<RoleDto>? IPage<RoleDto>.Items => Roles;
    }

    internal sealed class PermissionPage : IPage<string>
    {
        public List<string>? Permissions { get; set; }

        public string? NextPageToken { get; set; }

        IEnumerable<string>? IPage<string>.Items => Permissions;
    }

    internal sealed class CreateProjectRequest
    {
        public string Organization { get; set; } = string.Empty;

        public string DisplayName { get; set; } = string.Empty;

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public LocationDto? Location { get; set; }
    }

    /// <summary>PATCH /projects/{p} with update_mask naming exactly the fields sent.</summary>
    internal sealed class UpdateProjectRequest
    {
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? DisplayName { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public LocationDto? Location { get; set; }
    }

    internal sealed class BatchUpdateProjectsRequest
    {
        public List<string> Projects { get; set; } = new List<string>();

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public Dictionary<string, string>? AddLabels { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<string>? RemoveLabels { get; set; }
    }

    internal sealed class ProjectErrorDto
    {
        public string? Project { get; set; }

        public System.Text.Json.JsonElement? Status { get; set; }
    }

    internal sealed class BatchUpdateProjectsResponse
    {
        public List<ProjectErrorDto>? BatchErrors { get; set; }
    }

    internal sealed class ServiceAccountDto
    {
        public string? Name { get; set; }

        public string? Email { get; set; }

        public string? DisplayName { get; set; }

        public bool? EnableBasicAuth { get; set; }

        public System.DateTimeOffset? CreateTime { get; set; }

        public System.DateTimeOffset? UpdateTime { get; set; }
    }

    internal sealed class ServiceAccountPage : IPage<ServiceAccountDto>
    {
        public List<ServiceAccountDto>? ServiceAccounts { get; set; }

        public string? NextPageToken { get; set; }

        IEnumerable<ServiceAccountDto>? IPage<ServiceAccountDto>.Items => ServiceAccounts;
    }

    /// <summary>Create (PY always sends enableBasicAuth) and PATCH (only the fields named in update_mask).</summary>
    internal sealed class ServiceAccountRequest
    {
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? DisplayName { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public bool? EnableBasicAuth { get; set; }
    }

    internal sealed class KeyDto
    {
        public string? Name { get; set; }

        public string? Id { get; set; }

        public System.DateTimeOffset? CreateTime { get; set; }
    }

    internal sealed class KeyPage : IPage<KeyDto>
    {
        public List<KeyDto>? Keys { get; set; }

        public string? NextPageToken { get; set; }

        IEnumerable<KeyDto>? IPage<KeyDto>.Items => Keys;
    }

    /// <summary>{"key":Key,"secret":str}: the only answer that carries a secret. Never logged, never kept.</summary>
    internal sealed class CreatedKeyResponse
    {
        public KeyDto? Key { get; set; }

        public string? Secret { get; set; }
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(ProjectDto))]
    [JsonSerializable(typeof(MemberDto))]
    [JsonSerializable(typeof(MemberPage))]
    [JsonSerializable(typeof(AddMemberRequest))]
    [JsonSerializable(typeof(UpdateMemberRequest))]
    [JsonSerializable(typeof(BatchCreateMembersRequest))]
    [JsonSerializable(typeof(BatchCreateMembersResponse))]
    [JsonSerializable(typeof(BatchDeleteMembersRequest))]
    [JsonSerializable(typeof(InviteUrlResponse))]
    [JsonSerializable(typeof(RoleDto))]
    [JsonSerializable(typeof(RolePage))]
    [JsonSerializable(typeof(PermissionPage))]
    [JsonSerializable(typeof(CreateProjectRequest))]
    [JsonSerializable(typeof(UpdateProjectRequest))]
    [JsonSerializable(typeof(BatchUpdateProjectsRequest))]
    [JsonSerializable(typeof(BatchUpdateProjectsResponse))]
    [JsonSerializable(typeof(ServiceAccountDto))]
    [JsonSerializable(typeof(ServiceAccountPage))]
    [JsonSerializable(typeof(ServiceAccountRequest))]
    [JsonSerializable(typeof(KeyDto))]
    [JsonSerializable(typeof(KeyPage))]
    [JsonSerializable(typeof(CreatedKeyResponse))]
    [JsonSerializable(typeof(EmptyResponse))]
    internal sealed partial class AdminWireJsonContext : JsonSerializerContext
    {
    }
}
