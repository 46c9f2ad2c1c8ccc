using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace IotAdmin.Commands.Loading
{
    /// <summary>
    /// PowerShell 7 only: the private load context of IotAdmin.Core and its dependencies, with a real Load override.
    /// A dependency resolves here first, from dependencies/, unless the runtime itself ships it in the same or a newer
    /// version (System.Memory, System.Text.Json on 7.4+): another module's copy in the default context is never picked
    /// up by accident (the Microsoft.Graph #3394 failure of contexts without a Load override).
    /// </summary>
    internal sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private readonly IReadOnlyDictionary<string, string> _dependencies;
        private readonly Dictionary<string, string> _framework;

        public DependencyLoadContext(IReadOnlyDictionary<string, string> dependencies)
        {
            _dependencies = dependencies;
            _framework = FrameworkAssemblies();
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var name = assemblyName.Name ?? string.Empty;
            if (!_dependencies.TryGetValue(name, out var path)) return null;
            if (_framework.TryGetValue(name, out var shipped) && VersionOf(shipped) >= VersionOf(path)) return null;
            return LoadFromAssemblyPath(path);
        }

        private static Version VersionOf(string path) => AssemblyName.GetAssemblyName(path).Version ?? new Version();

        /// <summary>The runtime's own assemblies (the trusted platform assemblies) by name; versions are read only when asked.</summary>
        private static Dictionary<string, string> FrameworkAssemblies()
        {
            var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
            foreach (var path in list.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
                found[Path.GetFileNameWithoutExtension(path)] = path;
            return found;
        }
    }
}
