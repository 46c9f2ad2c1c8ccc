using System;
using System.Collections.Generic;
using System.Linq;
using IotAdmin.Backends;
using IotAdmin.Validation;

namespace IotAdmin.Operations.Admin
{
    /// <summary>
    /// The administration checks made before any request (dt-api-admin.md §2–4): the four roles and where each
    /// applies, e-mail addresses, display names, a project's location.
    /// </summary>
    internal static class AdminRules
    {
        public const string ProjectUser = "project.user";
        public const string ProjectDeveloper = "project.developer";
        public const string ProjectAdmin = "project.admin";
        public const string OrganizationAdmin = "organization.admin";

        /// <summary>At most this many keys per service account (the API refuses the 11th).</summary>
        public const int MaxKeysPerServiceAccount = 10;

        /// <summary>The roles a project member may have, weakest first.</summary>
        public static readonly IReadOnlyList<string> ProjectRoles = new[] { ProjectUser, ProjectDeveloper, ProjectAdmin };

        /// <summary>Every role, for completion and help.</summary>
        public static readonly IReadOnlyList<string> AllRoles = new[] { ProjectUser, ProjectDeveloper, ProjectAdmin, OrganizationAdmin };

        /// <summary>"project.developer" from "project.developer" or "roles/project.developer" (case-insensitive); null if unknown.</summary>
        public static string? Normalize(string? role)
        {
            if (string.IsNullOrWhiteSpace(role)) return null;
            var shortName = Wire.DtAdminModelMapper.ShortRole(role!.Trim().ToLowerInvariant());
            return AllRoles.FirstOrDefault(r => r == shortName);
        }

        /// <summary>Null when <paramref name="role"/> fits <paramref name="scope"/> (exactly one role per member).</summary>
        public static string? CheckRole(MemberScope scope, string? role)
        {
            var known = Normalize(role);
            if (known == null) return "Role '" + role + "' is not a role: use " + string.Join(", ", AllRoles) + ".";
            if (scope.IsProject && known == OrganizationAdmin) return "Role organization.admin is an organization role: add it with -OrganizationId, or use " + string.Join(", ", ProjectRoles) + " in a project.";
            if (!scope.IsProject && known != OrganizationAdmin) return "Role " + known + " is a project role: add it with -ProjectId; the organization has only organization.admin.";
            return null;
        }

        public static string? CheckEmail(string? email)
        {
            if (string.IsNullOrWhiteSpace(email)) return "E-mail is empty.";
            var at = email!.IndexOf('@');
            if (at <= 0 || at == email.Length - 1 || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                return "E-mail '" + email + "' is not an e-mail address.";
            return null;
        }

        public static string? CheckDisplayName(string kind, string? name)
        {
            if (name == null) return null;
            if (name.Trim().Length == 0) return kind + " display name is empty.";
            return name.Any(char.IsControl) ? kind + " display name contains a control character." : null;
        }

        public static string? CheckLocation(double? latitude, double? longitude, string? timeZone)
        {
            var c = System.Globalization.CultureInfo.InvariantCulture;
            if (latitude.HasValue && (double.IsNaN(latitude.Value) || latitude < -90 || latitude > 90)) return string.Format(c, "Latitude {0} is outside -90..90.", latitude);
            if (longitude.HasValue && (double.IsNaN(longitude.Value) || longitude < -180 || longitude > 180)) return string.Format(c, "Longitude {0} is outside -180..180.", longitude);
            return timeZone == null ? null : InputRules.CheckPlainToken("Time zone (an IANA name such as Europe/Oslo)", timeZone);
        }

        /// <summary>The scope of a member command: the project when a project id is given, else the organization.</summary>
        public static MemberScope Scope(string? projectId, string? organizationId) =>
            !string.IsNullOrEmpty(projectId) ? MemberScope.Project(projectId!) : MemberScope.Organization(organizationId ?? string.Empty);

        /// <summary>The id problem of a scope, or null.</summary>
        public static string? CheckScope(MemberScope scope) => InputRules.CheckId(scope.IsProject ? "Project" : "Organization", scope.Id);
    }
}
