using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace IotAdmin.Tests.Contract
{
    /// <summary>
    /// What only PowerShell would check at run time, checked statically from the compiled module's metadata
    /// (System.Reflection.MetadataLoadContext — nothing is executed): verbs and nouns, ShouldProcess on mutations,
    /// -Session everywhere, pipeline binding by property name onto properties the output types really have,
    /// OutputType, the manifest's exports, and a docs page documenting every parameter.
    /// </summary>
    public sealed class ModuleContract
    {
        private const string Sma = "System.Management.Automation.";

        private ModuleContract(IReadOnlyList<CmdletInfo> cmdlets)
        {
            Cmdlets = cmdlets;
        }

        public IReadOnlyList<CmdletInfo> Cmdlets { get; }

        /// <summary>Reads every [Cmdlet] class of <paramref name="assemblyPath"/> (optionally only those in <paramref name="namespacePrefix"/>).</summary>
        public static ModuleContract Read(string assemblyPath, string? namespacePrefix = null)
        {
            var directory = Path.GetDirectoryName(assemblyPath)!;
            var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            var paths = Directory.GetFiles(runtime, "*.dll")
                .Concat(Directory.GetFiles(directory, "*.dll").Where(p => !File.Exists(Path.Combine(runtime, Path.GetFileName(p)))))
                .ToList();
            using var context = new MetadataLoadContext(new PathAssemblyResolver(paths), "System.Private.CoreLib");
            var assembly = context.LoadFromAssemblyPath(assemblyPath);
            var cmdlets = new List<CmdletInfo>();
            foreach (var type in assembly.GetTypes())
            {
                if (type.IsAbstract || (namespacePrefix != null && !(type.Namespace ?? string.Empty).StartsWith(namespacePrefix, StringComparison.Ordinal))) continue;
                var cmdlet = type.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == Sma + "CmdletAttribute");
                if (cmdlet == null) continue;
                cmdlets.Add(CmdletInfo.From(type, cmdlet));
            }

            return new ModuleContract(cmdlets.OrderBy(c => c.Name, StringComparer.Ordinal).ToList());
        }

        /// <summary>Every violation found; empty when the module keeps the contract.</summary>
        /// <summary>Cmdlets that write no objects, so need no [OutputType].</summary>
        /// <summary>Cmdlets that call no API: Connect-IotAdmin makes the session; Export-IotDevice writes piped objects to a file.</summary>
        private static readonly HashSet<string> NoSession = new HashSet<string>(StringComparer.Ordinal) { "Connect-IotAdmin", "Export-IotDevice" };

        public static readonly string[] NoOutput = { "Disconnect-IotAdmin", "Remove-IotProject", "Remove-IotMember", "Remove-IotServiceAccount", "Remove-IotServiceAccountKey", "Remove-IotEmulatedDevice", "Remove-IotDataConnector", "Sync-IotDataConnector" };

        /// <summary>Changes nothing can undo (deleting a project, a member's invitation, an account, a key, a data connector; a claim, which starts billing): ConfirmImpact High is right for them.</summary>
        public static readonly string[] Irreversible = { "Remove-IotProject", "Remove-IotMember", "Remove-IotServiceAccount", "Remove-IotServiceAccountKey", "Register-IotDevice", "Remove-IotDataConnector" };

        public IReadOnlyList<string> Check(string? manifestPath, string? docsDirectory, string pipelineSource, params string[] pipelineTargets)
        {
            var problems = new List<string>();
            if (Cmdlets.Count == 0) problems.Add("no cmdlet classes found");
            foreach (var c in Cmdlets)
            {
                if (!ApprovedVerbs.All.Contains(c.Verb)) problems.Add(c.Name + ": verb '" + c.Verb + "' is not an approved verb");
                if (!c.Noun.StartsWith("Iot", StringComparison.Ordinal)) problems.Add(c.Name + ": noun '" + c.Noun + "' lacks the Iot prefix");
                if (ApprovedVerbs.Mutating.Contains(c.Verb) && !c.SupportsShouldProcess) problems.Add(c.Name + ": changes state but does not declare SupportsShouldProcess");
                if (c.SupportsShouldProcess && c.ConfirmImpact == "High" && !Irreversible.Contains(c.Name)) problems.Add(c.Name + ": ConfirmImpact High would prompt runbooks; reversible changes use Medium");
                if (!NoSession.Contains(c.Name) && !c.Parameters.Any(p => p.Name == "Session")) problems.Add(c.Name + ": has no -Session parameter");
                if (c.OutputTypes.Count == 0 && !NoOutput.Contains(c.Name)) problems.Add(c.Name + ": declares no [OutputType]");
                var names = c.Parameters.SelectMany(p => p.AllNames).GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);
                foreach (var clash in names) problems.Add(c.Name + ": '" + clash + "' names more than one parameter (name or alias)");
            }

            var source = Cmdlets.FirstOrDefault(c => c.Name == pipelineSource);
            if (source == null) problems.Add("pipeline source " + pipelineSource + " not found");
            foreach (var targetName in pipelineTargets)
            {
                var target = Cmdlets.FirstOrDefault(c => c.Name == targetName);
                if (target == null)
                {
                    problems.Add("pipeline target " + targetName + " not found");
                    continue;
                }

                if (source == null) continue;
                var byName = target.Parameters.Where(p => p.ValueFromPipelineByPropertyName).ToList();
                if (byName.Count == 0) problems.Add(targetName + ": no parameter binds from the pipeline by property name");
                foreach (var outputType in source.OutputTypes)
                {
                    // Every mandatory by-property-name parameter must find a property of that name (or alias) on the source's output.
                    foreach (var p in byName.Where(p => p.Mandatory))
                    {
                        if (!p.AllNames.Any(n => outputType.Properties.Contains(n)))
                            problems.Add(source.Name + " | " + targetName + ": mandatory -" + p.Name + " (aliases " + string.Join(",", p.Aliases) + ") matches no property of " + outputType.Name);
                    }

                    // PowerShell tries the default parameter set first: a by-value parameter for the piped type must be in it,
                    // or the object is bound by property name (or coerced to a string) in the other set instead.
                    var byValue = target.Parameters.FirstOrDefault(p => p.ValueFromPipeline && p.TypeName == outputType.FullName);
                    if (byValue != null && target.DefaultParameterSet != null && !byValue.Sets.Contains(target.DefaultParameterSet) && !byValue.Sets.Contains("__AllParameterSets"))
                        problems.Add(source.Name + " | " + targetName + ": -" + byValue.Name + " takes " + outputType.Name + " by value but is not in the default parameter set '" + target.DefaultParameterSet + "'");
                    var bound = byName.Where(p => p.AllNames.Any(n => outputType.Properties.Contains(n))).Select(p => p.Name).ToList();
                    if (!bound.Contains("DeviceId") && !byName.Any(p => p.ValueFromPipeline && p.TypeName == outputType.FullName))
                        problems.Add(source.Name + " | " + targetName + ": the device id does not bind from " + outputType.Name);
                }
            }

            if (manifestPath != null)
            {
                var exported = ManifestExports(File.ReadAllText(manifestPath));
                var classes = Cmdlets.Select(c => c.Name).ToList();
                foreach (var missing in classes.Except(exported)) problems.Add("manifest does not export " + missing);
                foreach (var extra in exported.Except(classes)) problems.Add("manifest exports " + extra + ", which has no cmdlet class");
            }

            if (docsDirectory != null)
            {
                foreach (var c in Cmdlets)
                {
                    var page = Path.Combine(docsDirectory, c.Name + ".md");
                    if (!File.Exists(page))
                    {
                        problems.Add(c.Name + ": no docs page " + Path.GetFileName(page));
                        continue;
                    }

                    var text = File.ReadAllText(page);
                    foreach (var p in c.Parameters)
                        if (!Regex.IsMatch(text, @"^###\s+-" + Regex.Escape(p.Name) + @"\s*$", RegexOptions.Multiline))
                            problems.Add(c.Name + ": parameter -" + p.Name + " is not documented in " + Path.GetFileName(page));
                    foreach (var section in new[] { "## SYNOPSIS", "## SYNTAX", "## DESCRIPTION", "## EXAMPLES", "## PARAMETERS", "## INPUTS", "## OUTPUTS" })
                        if (!text.Contains(section)) problems.Add(c.Name + ": docs page lacks " + section);
                }
            }

            return problems;
        }

        /// <summary>CmdletsToExport = @('A', 'B') (or a single string) from a .psd1; wildcards are reported as themselves.</summary>
        public static IReadOnlyList<string> ManifestExports(string psd1)
        {
            var m = Regex.Match(psd1, @"CmdletsToExport\s*=\s*(@\((?<list>[^)]*)\)|(?<single>'[^']*'|""[^""]*""))", RegexOptions.IgnoreCase);
            if (!m.Success) return Array.Empty<string>();
            var text = m.Groups["list"].Success ? m.Groups["list"].Value : m.Groups["single"].Value;
            return Regex.Matches(text, @"'([^']*)'|""([^""]*)""").Cast<Match>().Select(x => x.Groups[1].Success && x.Groups[1].Length > 0 ? x.Groups[1].Value : x.Groups[2].Value).ToList();
        }

        public sealed class CmdletInfo
        {
            public string Verb { get; private set; } = string.Empty;

            public string Noun { get; private set; } = string.Empty;

            public string Name => Verb + "-" + Noun;

            public string ClassName { get; private set; } = string.Empty;

            public bool SupportsShouldProcess { get; private set; }

            public string? ConfirmImpact { get; private set; }

            public string? DefaultParameterSet { get; private set; }

            public List<ParameterInfo> Parameters { get; } = new List<ParameterInfo>();

            public List<TypeShape> OutputTypes { get; } = new List<TypeShape>();

            internal static CmdletInfo From(Type type, CustomAttributeData cmdlet)
            {
                var info = new CmdletInfo
                {
                    Verb = (string)cmdlet.ConstructorArguments[0].Value!,
                    Noun = (string)cmdlet.ConstructorArguments[1].Value!,
                    ClassName = type.FullName!,
                };
                foreach (var named in cmdlet.NamedArguments)
                {
                    if (named.MemberName == "SupportsShouldProcess") info.SupportsShouldProcess = (bool)named.TypedValue.Value!;
                    if (named.MemberName == "ConfirmImpact") info.ConfirmImpact = Enum.GetName(typeof(System.Management.Automation.ConfirmImpact), (int)named.TypedValue.Value!);
                    if (named.MemberName == "DefaultParameterSetName") info.DefaultParameterSet = (string?)named.TypedValue.Value;
                }

                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    var attributes = property.GetCustomAttributesData().Where(a => a.AttributeType.FullName == Sma + "ParameterAttribute").ToList();
                    if (attributes.Count == 0) continue;
                    var aliases = property.GetCustomAttributesData().Where(a => a.AttributeType.FullName == Sma + "AliasAttribute")
                        .SelectMany(a => ((IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => (string)v.Value!)).ToList();
                    var sets = attributes.Select(a => a.NamedArguments.Where(n => n.MemberName == "ParameterSetName").Select(n => (string)n.TypedValue.Value!).FirstOrDefault() ?? "__AllParameterSets").ToList();
                    info.Parameters.Add(new ParameterInfo(property.Name, property.PropertyType.FullName ?? property.PropertyType.Name, aliases,
                        attributes.Any(a => Named(a, "Mandatory")), attributes.Any(a => Named(a, "ValueFromPipeline")), attributes.Any(a => Named(a, "ValueFromPipelineByPropertyName")), sets));
                }

                foreach (var output in type.GetCustomAttributesData().Where(a => a.AttributeType.FullName == Sma + "OutputTypeAttribute"))
                {
                    foreach (var arg in output.ConstructorArguments)
                    {
                        var types = arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(v => v.Value) : new[] { arg.Value };
                        foreach (var t in types.OfType<Type>()) info.OutputTypes.Add(TypeShape.Of(t));
                    }
                }

                return info;
            }

            private static bool Named(CustomAttributeData a, string name) =>
                a.NamedArguments.Any(n => n.MemberName == name && n.TypedValue.Value is bool b && b);
        }

        public sealed class ParameterInfo
        {
            public ParameterInfo(string name, string typeName, IReadOnlyList<string> aliases, bool mandatory, bool valueFromPipeline, bool valueFromPipelineByPropertyName, IReadOnlyList<string> sets)
            {
                Sets = sets;
                Name = name;
                TypeName = typeName;
                Aliases = aliases;
                Mandatory = mandatory;
                ValueFromPipeline = valueFromPipeline;
                ValueFromPipelineByPropertyName = valueFromPipelineByPropertyName;
            }

            public string Name { get; }

            public string TypeName { get; }

            public IReadOnlyList<string> Aliases { get; }

            public bool Mandatory { get; }

            public bool ValueFromPipeline { get; }

            public bool ValueFromPipelineByPropertyName { get; }

            public IEnumerable<string> AllNames => new[] { Name }.Concat(Aliases);

            public IReadOnlyList<string> Sets { get; }
        }

        public sealed class TypeShape
        {
            public string Name { get; private set; } = string.Empty;

            public string FullName { get; private set; } = string.Empty;

            public HashSet<string> Properties { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

            internal static TypeShape Of(Type t)
            {
                var shape = new TypeShape { Name = t.Name, FullName = t.FullName ?? t.Name };
                foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance)) shape.Properties.Add(p.Name);
                return shape;
            }
        }
    }
}
