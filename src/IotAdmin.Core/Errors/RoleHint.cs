using System.Text.RegularExpressions;

namespace IotAdmin.Errors
{
    /// <summary>
    /// The role a PERMISSION_DENIED answer says is needed ("… needs the role project.developer or higher"), so the
    /// recommended action can name it instead of a generic "give it the role this needs".
    /// </summary>
    internal static class RoleHint
    {
        private static readonly Regex NeedsRole = new Regex(@"\b(?:needs|requires)\s+(?:the\s+)?role\s+(?:roles/)?(?<role>(?:project|organization)\.[a-z]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>"project.developer", or null when the message names no role.</summary>
        public static string? RoleNamedIn(string? message)
        {
            if (string.IsNullOrEmpty(message)) return null;
            var match = NeedsRole.Match(message);
            return match.Success ? match.Groups["role"].Value.ToLowerInvariant() : null;
        }

        /// <summary>The action for a PERMISSION_DENIED answer: the role it names, when it names one.</summary>
        public static string? Action(string? message)
        {
            var role = RoleNamedIn(message);
            return role == null ? null : "give the service account the role " + role + " (or higher) there: Add-IotMember -Role " + role + ", or Set-IotMember -Role " + role + " if it is a member already";
        }
    }
}
