using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace IotAdmin.Commands.Loading
{
    /// <summary>
    /// PowerShell resolves [TypeName] only in the default load context; IotAdmin.Core lives in its own. Registering its
    /// public types as accelerators under their full names keeps <c>catch [IotAdmin.IotApiException]</c> and
    /// <c>[IotAdmin.Models.IotDevice]</c> working in scripts.
    /// </summary>
    internal static class TypeAccelerators
    {
        private static readonly Type? Accelerators = typeof(PSObject).Assembly.GetType("System.Management.Automation.TypeAccelerators");

        public static IReadOnlyList<string> Register(Assembly assembly)
        {
            var add = Accelerators?.GetMethod("Add", new[] { typeof(string), typeof(Type) });
            if (add == null) return Array.Empty<string>();
            var names = new List<string>();
            foreach (var type in assembly.GetExportedTypes().Where(t => t.FullName != null && t.FullName.StartsWith("IotAdmin.", StringComparison.Ordinal)))
            {
                add.Invoke(null, new object[] { type.FullName!, type });
                names.Add(type.FullName!);
            }

            return names;
        }

        public static void Unregister(IEnumerable<string> names)
        {
            var remove = Accelerators?.GetMethod("Remove", new[] { typeof(string) });
            if (remove == null) return;
            foreach (var name in names) remove.Invoke(null, new object[] { name });
        }
    }
}
