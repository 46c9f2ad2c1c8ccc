using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Errors;
using IotAdmin.Http;
using IotAdmin.Models;
using IotAdmin.Wire;

namespace IotAdmin.Backends
{
    /// <summary>
    /// The DT REST API v2's administration calls (dt-api-admin.md §1–4, §10) over the session's one HTTP pipeline.
    /// Creates are never resent blindly (a lost answer may hide a made project, member or key: a resend would make a
    /// second one or fail with 409); reads, updates and deletes follow the session's retry rules.
    /// </summary>
    internal sealed class DtAdminBackend
    {
        private static readonly HttpMethod Patch = new HttpMethod("PATCH");

        private readonly ApiClient _api;

        public DtAdminBackend(ApiClient api)
        {
            _api = api;
        }

        public async Task<IotOrganization> GetOrganizationAsync(string organizationId, ApiCallContext context, CancellationToken cancellationToken) =>
            DtModelMapper.ToModel(await SendAsync(HttpMethod.Get, "organizations/" + organizationId, null, organizationId, true, WireJsonContext.Default.OrganizationDto, context, cancellationToken).ConfigureAwait(false));

        public IAsyncEnumerable<IotRole> ListRolesAsync(ApiCallContext context, CancellationToken cancellationToken) =>
            Pager.PagesAsync<RolePage, RoleDto, IotRole>(_api, () => new ApiRequest(HttpMethod.Get, "roles"), AdminWireJsonContext.Default.RolePage, DtAdminModelMapper.ToModel, 100, context, cancellationToken);

        public async Task<IotRole> GetRoleAsync(string role, ApiCallContext context, CancellationToken cancellationToken) =>
            DtAdminModelMapper.ToModel(await SendAsync(HttpMethod.Get, DtAdminModelMapper.RoleName(role), null, role, true, AdminWireJsonContext.Default.RoleDto, context, cancellationToken).ConfigureAwait(false));

        /// <summary>The caller's own permissions in a project or the organization.</summary>
        public IAsyncEnumerable<string> ListPermissionsAsync(MemberScope scope, ApiCallContext context, CancellationToken cancellationToken) =>
            Pager.PagesAsync<PermissionPage, string, string>(_api, () => new ApiRequest(HttpMethod.Get, scope.Path + "/permissions") { Target = scope.Id }, AdminWireJsonContext.Default.PermissionPage, p => p, 100, context, cancellationToken);

        public async Task<IotProject> CreateProjectAsync(string organizationId, string displayName, LocationDto? location, ApiCallContext context, CancellationToken cancellationToken)
        {
            var body = new CreateProjectRequest { Organization = "organizations/" + organizationId, DisplayName = displayName, Location = location };
            var dto = await SendAsync(HttpMethod.Post, "projects", Json(body, AdminWireJsonContext.Default.CreateProjectRequest), displayName, false, AdminWireJsonContext.Default.ProjectDto, context, cancellationToken).ConfigureAwait(false);
            return DtModelMapper.ToModel(dto);
        }

        /// <summary>PATCH with update_mask naming exactly the fields in <paramref name="body"/> (the fields left out stay).</summary>
        public async Task<IotProject> UpdateProjectAsync(string projectId, UpdateProjectRequest body, IReadOnlyList<string> mask, ApiCallContext context, CancellationToken cancellationToken)
        {
            var request = new ApiRequest(Patch, ResourceName.Project(projectId)) { Target = projectId, JsonBody = Json(body, AdminWireJsonContext.Default.UpdateProjectRequest) }
                .Query("update_mask", string.Join(",", mask));
            var dto = await _api.SendAsync(request, AdminWireJsonContext.Default.ProjectDto, context, cancellationToken).ConfigureAwait(false);
            return DtModelMapper.ToModel(dto);
        }

        /// <summary>projects:batchUpdate for one project; a per-project error in the answer is thrown as that call's failure.</summary>
        public async Task UpdateProjectLabelsAsync(string projectId, IReadOnlyDictionary<string, string> addLabels, IReadOnlyList<string> removeLabels, ApiCallContext context, CancellationToken cancellationToken)
        {
            var body = new BatchUpdateProjectsRequest
            {
                Projects = new List<string> { ResourceName.Project(projectId) },
                AddLabels = addLabels.Count == 0 ? null : addLabels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal),
                RemoveLabels = removeLabels.Count == 0 ? null : removeLabels.ToList(),
            };
            var request = new ApiRequest(HttpMethod.Post, "projects:batchUpdate") { Target = projectId, JsonBody = Json(body, AdminWireJsonContext.Default.BatchUpdateProjectsRequest) };
            var response = await _api.SendAsync(request, AdminWireJsonContext.Default.BatchUpdateProjectsResponse, context, cancellationToken).ConfigureAwait(false);
            var error = response.BatchErrors?.FirstOrDefault();
            if (error == null) return;
            var status = error.Status.HasValue ? ErrorBodyParser.ParseItemStatus(error.Status.Value) : new ErrorBody { Status = CanonicalStatus.Unknown };
            throw ErrorClassifier.FromItemStatus(request.Method.Method, request.DisplayPath(_api.ApiRoot), status, "project '" + projectId + "'", projectId);
        }

        public Task DeleteProjectAsync(string projectId, ApiCallContext context, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Delete, ResourceName.Project(projectId), null, projectId, true, AdminWireJsonContext.Default.EmptyResponse, context, cancellationToken);

        public IAsyncEnumerable<IotMember> ListMembersAsync(MemberScope scope, ApiCallContext context, CancellationToken cancellationToken) =>
            Pager.PagesAsync<MemberPage, MemberDto, IotMember>(_api, () => new ApiRequest(HttpMethod.Get, scope.Path + "/members") { Target = scope.Id }, AdminWireJsonContext.Default.MemberPage, DtAdminModelMapper.ToModel, 100, context, cancellationToken);

        /// <summary>One member's memberships in every project the caller may read members of.</summary>
        public IAsyncEnumerable<IotMember> ListMembershipsAsync(string organizationId, string memberId, ApiCallContext context, CancellationToken cancellationToken) =>
            Pager.PagesAsync<MemberPage, MemberDto, IotMember>(
                _api,
                () => new ApiRequest(HttpMethod.Get, "projects/-/members") { Target = memberId }.Query("organization", "organizations/" + organizationId).Query("memberId", memberId),
                AdminWireJsonContext.Default.MemberPage,
                DtAdminModelMapper.ToModel,
                100,
                context,
                cancellationToken);

        public async Task<IotMember> GetMemberAsync(MemberScope scope, string memberId, ApiCallContext context, CancellationToken cancellationToken) =>
            DtAdminModelMapper.ToModel(await SendAsync(HttpMethod.Get, scope.Path + "/members/" + memberId, null, memberId, true, AdminWireJsonContext.Default.MemberDto, context, cancellationToken).ConfigureAwait(false));

        public async Task<IotMember> AddMemberAsync(MemberScope scope, string email, string role, ApiCallContext context, CancellationToken cancellationToken)
        {
            var body = new AddMemberRequest { Email = email, Roles = new List<string> { DtAdminModelMapper.RoleName(role) } };
            var dto = await SendAsync(HttpMethod.Post, scope.Path + "/members", Json(body, AdminWireJsonContext.Default.AddMemberRequest), email, false, AdminWireJsonContext.Default.MemberDto, context, cancellationToken).ConfigureAwait(false);
            return DtAdminModelMapper.ToModel(dto);
        }

        /// <summary>members:batchCreate, all or nothing: one failure (e.g. a 409 for an existing member) fails the call.</summary>
        public async Task<IReadOnlyList<IotMember>> BatchCreateMembersAsync(IReadOnlyList<BatchMemberDto> members, ApiCallContext context, CancellationToken cancellationToken)
        {
            var body = new BatchCreateMembersRequest { Members = members.ToList() };
            var response = await SendAsync(HttpMethod.Post, "projects/-/members:batchCreate", Json(body, AdminWireJsonContext.Default.BatchCreateMembersRequest), null, false, AdminWireJsonContext.Default.BatchCreateMembersResponse, context, cancellationToken).ConfigureAwait(false);
            return (response.Members ?? new List<MemberDto>()).Select(DtAdminModelMapper.ToModel).ToList();
        }

        /// <summary>members:batchDelete, all or nothing: an unknown name fails the call (404).</summary>
        public Task BatchDeleteMembersAsync(IReadOnlyList<string> names, ApiCallContext context, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Post, "projects/-/members:batchDelete", Json(new BatchDeleteMembersRequest { Names = names.ToList() }, AdminWireJsonContext.Default.BatchDeleteMembersRequest), null, true, AdminWireJsonContext.Default.EmptyResponse, context, cancellationToken);

        public async Task<IotMember> UpdateMemberRoleAsync(MemberScope scope, string memberId, string role, ApiCallContext context, CancellationToken cancellationToken)
        {
            var body = new UpdateMemberRequest { Roles = new List<string> { DtAdminModelMapper.RoleName(role) } };
            var request = new ApiRequest(Patch, scope.Path + "/members/" + memberId) { Target = memberId, JsonBody = Json(body, AdminWireJsonContext.Default.UpdateMemberRequest) }.Query("update_mask", "roles");
            return DtAdminModelMapper.ToModel(await _api.SendAsync(request, AdminWireJsonContext.Default.MemberDto, context, cancellationToken).ConfigureAwait(false));
        }

        public Task RemoveMemberAsync(MemberScope scope, string memberId, ApiCallContext context, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Delete, scope.Path + "/members/" + memberId, null, memberId, true, AdminWireJsonContext.Default.EmptyResponse, context, cancellationToken);

        public async Task<string> GetInviteUrlAsync(MemberScope scope, string memberId, ApiCallContext context, CancellationToken cancellationToken) =>
            (await SendAsync(HttpMethod.Get, scope.Path + "/members/" + memberId + ":getInviteUrl", null, memberId, true, AdminWireJsonContext.Default.InviteUrlResponse, context, cancellationToken).ConfigureAwait(false)).InviteUrl ?? string.Empty;

        public IAsyncEnumerable<IotServiceAccount> ListServiceAccountsAsync(string projectId, ApiCallContext context, CancellationToken cancellationToken) =>
            Pager.PagesAsync<ServiceAccountPage, ServiceAccountDto, IotServiceAccount>(_api, () => new ApiRequest(HttpMethod.Get, ServiceAccounts(projectId)) { Target = projectId }, AdminWireJsonContext.Default.ServiceAccountPage, DtAdminModelMapper.ToModel, 100, context, cancellationToken);

        public async Task<IotServiceAccount> GetServiceAccountAsync(string projectId, string serviceAccountId, ApiCallContext context, CancellationToken cancellationToken) =>
            DtAdminModelMapper.ToModel(await SendAsync(HttpMethod.Get, ServiceAccounts(projectId) + "/" + serviceAccountId, null, serviceAccountId, true, AdminWireJsonContext.Default.ServiceAccountDto, context, cancellationToken).ConfigureAwait(false));

        public async Task<IotServiceAccount> CreateServiceAccountAsync(string projectId, string? displayName, bool enableBasicAuth, ApiCallContext context, CancellationToken cancellationToken)
        {
            // As the python client: displayName only when given, enableBasicAuth always.
            var body = new ServiceAccountRequest { DisplayName = string.IsNullOrEmpty(displayName) ? null : displayName, EnableBasicAuth = enableBasicAuth };
            var dto = await SendAsync(HttpMethod.Post, ServiceAccounts(projectId), Json(body, AdminWireJsonContext.Default.ServiceAccountRequest), projectId, false, AdminWireJsonContext.Default.ServiceAccountDto, context, cancellationToken).ConfigureAwait(false);
            return DtAdminModelMapper.ToModel(dto);
        }

        public async Task<IotServiceAccount> UpdateServiceAccountAsync(string projectId, string serviceAccountId, ServiceAccountRequest body, IReadOnlyList<string> mask, ApiCallContext context, CancellationToken cancellationToken)
        {
            var request = new ApiRequest(Patch, ServiceAccounts(projectId) + "/" + serviceAccountId) { Target = serviceAccountId, JsonBody = Json(body, AdminWireJsonContext.Default.ServiceAccountRequest) }
                .Query("update_mask", string.Join(",", mask));
            return DtAdminModelMapper.ToModel(await _api.SendAsync(request, AdminWireJsonContext.Default.ServiceAccountDto, context, cancellationToken).ConfigureAwait(false));
        }

        public Task DeleteServiceAccountAsync(string projectId, string serviceAccountId, ApiCallContext context, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Delete, ServiceAccounts(projectId) + "/" + serviceAccountId, null, serviceAccountId, true, AdminWireJsonContext.Default.EmptyResponse, context, cancellationToken);

        public IAsyncEnumerable<IotServiceAccountKey> ListKeysAsync(string projectId, string serviceAccountId, ApiCallContext context, CancellationToken cancellationToken) =>
            Pager.PagesAsync<KeyPage, KeyDto, IotServiceAccountKey>(_api, () => new ApiRequest(HttpMethod.Get, Keys(projectId, serviceAccountId)) { Target = serviceAccountId }, AdminWireJsonContext.Default.KeyPage, DtAdminModelMapper.ToModel, 100, context, cancellationToken);

        public async Task<IotServiceAccountKey> GetKeyAsync(string projectId, string serviceAccountId, string keyId, ApiCallContext context, CancellationToken cancellationToken) =>
            DtAdminModelMapper.ToModel(await SendAsync(HttpMethod.Get, Keys(projectId, serviceAccountId) + "/" + keyId, null, keyId, true, AdminWireJsonContext.Default.KeyDto, context, cancellationToken).ConfigureAwait(false));

        /// <summary>POST …/keys with no body: the key and its secret, which the API shows this once.</summary>
        public Task<CreatedKeyResponse> CreateKeyAsync(string projectId, string serviceAccountId, ApiCallContext context, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Post, Keys(projectId, serviceAccountId), null, serviceAccountId, false, AdminWireJsonContext.Default.CreatedKeyResponse, context, cancellationToken);

        public Task DeleteKeyAsync(string projectId, string serviceAccountId, string keyId, ApiCallContext context, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Delete, Keys(projectId, serviceAccountId) + "/" + keyId, null, keyId, true, AdminWireJsonContext.Default.EmptyResponse, context, cancellationToken);

        private static string ServiceAccounts(string projectId) => ResourceName.Project(projectId) + "/serviceaccounts";

        private static string Keys(string projectId, string serviceAccountId) => ServiceAccounts(projectId) + "/" + serviceAccountId + "/keys";

        private static byte[] Json<T>(T body, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(body, type);

        private Task<T> SendAsync<T>(HttpMethod method, string path, byte[]? body, object? target, bool mayRetry, JsonTypeInfo<T> responseType, ApiCallContext context, CancellationToken cancellationToken) =>
            _api.SendAsync(new ApiRequest(method, path) { JsonBody = body, Target = target, MayRetry = mayRetry }, responseType, context, cancellationToken);
    }
}
