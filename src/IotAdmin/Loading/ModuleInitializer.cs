using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace IotAdmin.Commands.Loading
{
    /// <summary>
    /// Resolves IotAdmin's third-party dependencies (System.Text.Json, Polly.Core, System.Threading.RateLimiting,
    /// Microsoft.Bcl.*, …) from the module's dependencies/ folder, so that other modules that loaded other versions
    /// first (Az.Accounts, Microsoft.Graph, PnP) neither break IotAdmin nor are broken by it.
    /// <list type="bullet">
    /// <item>PowerShell 7 (.NET): requests the default context cannot satisfy are loaded into a private load context
    /// ("iotadmin-dependencies"); a dependency's own dependencies resolve there too. What the runtime already has in a
    /// compatible version (System.Text.Json on 7.4+) is shared, so no type crosses two copies.</item>
    /// <item>Windows PowerShell 5.1 (.NET Framework): Assembly.LoadFrom from dependencies/, the binding-redirect substitute.</item>
    /// </list>
    /// IotAdmin.dll and IotAdmin.Core.dll stay in the module root, in the default context: scripts can name their types
    /// (<c>catch [IotAdmin.IotApiException]</c>). Only requests from IotAdmin's own assemblies and dependencies are
    /// served. Remove-Module unhooks the handler.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly object Gate = new object();
        private static readonly Assembly Self = typeof(ModuleInitializer).Assembly;
        private static readonly string ModuleFolder = Path.GetDirectoryName(Self.Location) ?? string.Empty;
        private static readonly string DependencyFolder = Path.Combine(ModuleFolder, "dependencies");
        private static Dictionary<string, string>? _dependencies;
        private static LoadContextProxy? _context;
        private static bool _hooked;

        public void OnImport()
        {
            lock (Gate)
            {
                if (_hooked) return;
                _dependencies = Scan(DependencyFolder);
                _context = LoadContextProxy.Create("iotadmin-dependencies");
                AppDomain.CurrentDomain.AssemblyResolve += Resolve;
                _hooked = true;
            }
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            lock (Gate)
            {
                if (!_hooked) return;
                AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
                _hooked = false;
            }
        }

        /// <summary>Name → path of every dll in dependencies/ (an empty map when the folder is missing, e.g. in tests).</summary>
        internal static Dictionary<string, string> Scan(string folder)
        {
            var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (!Directory.Exists(folder)) return found;
            foreach (var path in Directory.EnumerateFiles(folder, "*.dll")) found[Path.GetFileNameWithoutExtension(path)] = path;
            return found;
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name ?? string.Empty;
            var dependencies = _dependencies;
            if (dependencies == null) return null;
            if (string.Equals(name, "IotAdmin.Core", StringComparison.OrdinalIgnoreCase))
            {
                var core = Path.Combine(ModuleFolder, "IotAdmin.Core.dll");
                return File.Exists(core) ? Assembly.LoadFrom(core) : null;
            }

            if (!dependencies.TryGetValue(name, out var path) || !IsOurs(args.RequestingAssembly, dependencies)) return null;
            return _context != null ? _context.LoadFromAssemblyPath(path) : Assembly.LoadFrom(path);
        }

        /// <summary>.NET always names the requesting assembly; .NET Framework may not, and then the name alone decides.</summary>
        private static bool IsOurs(Assembly? requesting, Dictionary<string, string> dependencies)
        {
            if (requesting == null) return true;
            var name = requesting.GetName().Name ?? string.Empty;
            return name.StartsWith("IotAdmin", StringComparison.OrdinalIgnoreCase) || dependencies.ContainsKey(name);
        }
    }
}
