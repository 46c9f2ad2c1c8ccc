using System;
using System.Reflection;

namespace IotAdmin.Commands.Loading
{
    /// <summary>
    /// A private AssemblyLoadContext, made by reflection because netstandard2.0 has no such type (PSResourceGet's
    /// approach). Null on .NET Framework, where there are no load contexts.
    /// </summary>
    internal sealed class LoadContextProxy
    {
        private readonly object _context;
        private readonly MethodInfo _loadFromAssemblyPath;

        private LoadContextProxy(Type alcType, string name)
        {
            var ctor = alcType.GetConstructor(new[] { typeof(string), typeof(bool) })
                ?? throw new MissingMethodException("AssemblyLoadContext(string, bool)");
            _loadFromAssemblyPath = alcType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) })
                ?? throw new MissingMethodException("AssemblyLoadContext.LoadFromAssemblyPath");
            _context = ctor.Invoke(new object[] { name, false });
        }

        public static LoadContextProxy? Create(string name)
        {
            var alcType = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext");
            return alcType == null ? null : new LoadContextProxy(alcType, name);
        }

        public Assembly LoadFromAssemblyPath(string path) => (Assembly)_loadFromAssemblyPath.Invoke(_context, new object[] { path });
    }
}
