using System;

namespace IotAdmin.Wire
{
    /// <summary>DT resource names: "projects/{p}", "projects/{p}/devices/{d}", "organizations/{o}".</summary>
    internal static class ResourceName
    {
        public static string Project(string projectId) => "projects/" + projectId;

        public static string Device(string projectId, string deviceId) => "projects/" + projectId + "/devices/" + deviceId;

        /// <summary>The id after <paramref name="collection"/>/ in a name; the whole text when it has no such segment.</summary>
        public static string IdAfter(string? name, string collection)
        {
            if (string.IsNullOrEmpty(name)) return string.Empty;
            var parts = name!.Split('/');
            for (var i = 0; i + 1 < parts.Length; i++)
                if (string.Equals(parts[i], collection, StringComparison.Ordinal)) return parts[i + 1];
            return name;
        }
    }
}
