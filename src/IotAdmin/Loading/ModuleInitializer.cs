using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace IotAdmin.Commands.Loading
{
    /// <summary>
    /// Loads IotAdmin.Core and its dependencies (System.Text.Json, Polly.Core, System.Threading.RateLimiting,
    /// Microsoft.Bcl.*, …) from the module's dependencies/ folder, so that other modules that loaded other versions
    /// first (Az.Accounts, Microsoft.Graph, PnP) neither break IotAdmin nor are broken by it.
    /// <list type="bullet">
    /// <item>PowerShell 7 (.NET): into a private <see cref="DependencyLoadContext"/> with a real Load override; Core's
    /// public types are registered as type accelerators so scripts can still name them.</item>
    /// <item>Windows PowerShell 5.1 (.NET Framework): an AppDomain.AssemblyResolve handler that LoadFrom's only the
    /// names present in dependencies/ (the binding-redirect substitute; PSResourceGet's and AWS Tools' pattern).</item>
    /// </list>
    /// Only IotAdmin.dll sits in the module root; Remove-Module unhooks everything.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private const string CoreName = "IotAdmin.Core";

        private static readonly object Gate = new object();
        private static readonly string DependencyFolder = Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? string.Empty, "dependencies");
        private static Dictionary<string, string> _dependencies = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private static Func<string, Assembly>? _load;
        private static Assembly? _core;
        private static IReadOnlyList<string> _accelerators = Array.Empty<string>();
        private static bool _hooked;

        private static bool IsDotNetCore => typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext") != null;

        public void OnImport()
        {
            lock (Gate)
            {
                if (_hooked) return;
                // A re-import (Import-Module -Force) reuses the Core loaded first: IotAdmin.dll stays bound to it (an
                // assembly never unloads), so a second copy would give scripts' [IotAdmin.Models.IotDevice] another
                // type than the objects the cmdlets write.
                if (_core == null)
                {
                    _dependencies = Scan(DependencyFolder);
                    if (!_dependencies.TryGetValue(CoreName, out var corePath)) return; // not a built module (e.g. tests): nothing to resolve
                    _load = IsDotNetCore ? CreatePrivateContext(_dependencies) : Assembly.LoadFrom;
                    _core = _load(corePath);
                }

                AppDomain.CurrentDomain.AssemblyResolve += Resolve;
                _hooked = true;
                if (IsDotNetCore) _accelerators = TypeAccelerators.Register(_core);
            }
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            lock (Gate)
            {
                if (!_hooked) return;
                AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
                TypeAccelerators.Unregister(_accelerators);
                _accelerators = Array.Empty<string>();
                _hooked = false;
            }
        }

        /// <summary>Name → path of every dll in <paramref name="folder"/>.</summary>
        internal static Dictionary<string, string> Scan(string folder)
        {
            var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (!Directory.Exists(folder)) return found;
            foreach (var path in Directory.EnumerateFiles(folder, "*.dll")) found[Path.GetFileNameWithoutExtension(path)] = path;
            return found;
        }

        /// <summary>Kept out of OnImport so .NET Framework never JIT-compiles a reference to AssemblyLoadContext.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Func<string, Assembly> CreatePrivateContext(Dictionary<string, string> dependencies) =>
            new DependencyLoadContext(dependencies).LoadFromAssemblyPath;

        /// <summary>
        /// The default context asks for IotAdmin.Core (IotAdmin.dll references it): load it where it belongs. On .NET
        /// Framework, also every other dependency of ours; on .NET the private context resolves those itself.
        /// </summary>
        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name ?? string.Empty;
            if (string.Equals(name, CoreName, StringComparison.OrdinalIgnoreCase)) return _core;
            if (!_dependencies.TryGetValue(name, out var path)) return null;
            if (IsDotNetCore || !IsOurs(args.RequestingAssembly)) return null;
            return Assembly.LoadFrom(path);
        }

        /// <summary>.NET Framework may not name the requesting assembly; then the name alone decides.</summary>
        private static bool IsOurs(Assembly? requesting)
        {
            if (requesting == null) return true;
            var name = requesting.GetName().Name ?? string.Empty;
            return name.StartsWith("IotAdmin", StringComparison.OrdinalIgnoreCase) || _dependencies.ContainsKey(name);
        }
    }
}
