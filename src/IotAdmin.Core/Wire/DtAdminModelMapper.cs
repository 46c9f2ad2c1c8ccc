using System.Linq;
using IotAdmin.Models;

namespace IotAdmin.Wire
{
    /// <summary>Administration wire objects → public models (names split into ids once, here).</summary>
    internal static class DtAdminModelMapper
    {
        private const string RolePrefix = "roles/";

        /// <summary>"project.developer" → "roles/project.developer" (a full name passes unchanged).</summary>
        public static string RoleName(string role) => role.StartsWith(RolePrefix, System.StringComparison.Ordinal) ? role : RolePrefix + role;

        public static string ShortRole(string? role) =>
            role == null ? string.Empty : role.StartsWith(RolePrefix, System.StringComparison.Ordinal) ? role.Substring(RolePrefix.Length) : role;

        public static IotMember ToModel(MemberDto dto)
        {
            var name = dto.Name ?? string.Empty;
            var inOrganization = name.StartsWith("organizations/", System.StringComparison.Ordinal);
            return new IotMember
            {
                Name = name,
                MemberId = ResourceName.IdAfter(name, "members"),
                ProjectId = inOrganization ? null : ResourceName.IdAfter(name, "projects"),
                OrganizationId = inOrganization ? ResourceName.IdAfter(name, "organizations") : null,
                DisplayName = dto.DisplayName ?? string.Empty,
                Email = dto.Email ?? string.Empty,
                Role = ShortRole(dto.Roles?.FirstOrDefault()),
                Status = dto.Status ?? string.Empty,
                AccountType = dto.AccountType ?? string.Empty,
                CreateTime = dto.CreateTime,
            };
        }

        public static IotRole ToModel(RoleDto dto) => new IotRole
        {
            Name = dto.Name ?? string.Empty,
            Role = ShortRole(dto.Name),
            DisplayName = dto.DisplayName ?? string.Empty,
            Description = dto.Description ?? string.Empty,
            Permissions = dto.Permissions?.ToArray() ?? new string[0],
        };

        public static IotServiceAccount ToModel(ServiceAccountDto dto) => new IotServiceAccount
        {
            Name = dto.Name ?? string.Empty,
            ServiceAccountId = ResourceName.IdAfter(dto.Name, "serviceaccounts"),
            ProjectId = ResourceName.IdAfter(dto.Name, "projects"),
            Email = dto.Email ?? string.Empty,
            DisplayName = dto.DisplayName ?? string.Empty,
            EnableBasicAuth = dto.EnableBasicAuth ?? false,
            CreateTime = dto.CreateTime,
            UpdateTime = dto.UpdateTime,
        };

        public static IotServiceAccountKey ToModel(KeyDto dto) => new IotServiceAccountKey
        {
            Name = dto.Name ?? string.Empty,
            KeyId = string.IsNullOrEmpty(dto.Id) ? ResourceName.IdAfter(dto.Name, "keys") : dto.Id!,
            ProjectId = ResourceName.IdAfter(dto.Name, "projects"),
            ServiceAccountId = ResourceName.IdAfter(dto.Name, "serviceaccounts"),
            CreateTime = dto.CreateTime,
        };
    }
}
