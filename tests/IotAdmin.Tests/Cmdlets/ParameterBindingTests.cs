using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Security;
using IotAdmin.Commands;
using IotAdmin.Commands.Infrastructure;
using IotAdmin.Models;
using Xunit;

namespace IotAdmin.Tests.Cmdlets
{
    /// <summary>
    /// Binding rules read from the cmdlets' attribute metadata (PowerShellStandard is a reference assembly: its
    /// attributes can be read as data, not constructed).
    /// </summary>
    public class ParameterBindingTests
    {
        private static readonly Type[] CmdletTypes = typeof(IotCmdlet).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetCustomAttributesData().Any(a => a.AttributeType == typeof(CmdletAttribute)))
            .ToArray();

        [Fact]
        public void A_piped_project_binds_project_id_and_no_device_id()
        {
            var projectProperties = typeof(IotProject).GetProperties().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var deviceId = Parameter<GetIotDeviceCommand>(nameof(GetIotDeviceCommand.DeviceId));

            Assert.True(Flag(Parameter<GetIotDeviceCommand>(nameof(GetIotDeviceCommand.ProjectId)), "ValueFromPipelineByPropertyName"));
            Assert.DoesNotContain(Names(deviceId), projectProperties.Contains); // e.g. no "Name" alias: a project's Name is "projects/p"
        }

        [Fact]
        public void Device_ids_bind_by_value_and_by_property_name()
        {
            var deviceId = Parameter<GetIotDeviceCommand>(nameof(GetIotDeviceCommand.DeviceId));

            Assert.True(Flag(deviceId, "ValueFromPipeline"));
            Assert.True(Flag(deviceId, "ValueFromPipelineByPropertyName"));
            Assert.Contains("Id", Names(deviceId));
        }

        /// <summary>
        /// Where a string parameter takes pipeline input by value next to another that binds by property name, PowerShell
        /// would turn any piped object into a string for it once the other has bound (its third binding pass).
        /// </summary>
        [Fact]
        public void A_string_taken_by_value_beside_a_by_property_name_parameter_refuses_objects()
        {
            var offenders = new List<string>();
            foreach (var type in CmdletTypes)
            {
                var parameters = type.GetProperties().Where(p => ParameterAttributes(p).Any()).ToList();
                foreach (var byValue in parameters.Where(p => (p.PropertyType == typeof(string) || p.PropertyType == typeof(string[])) && Flag(p, "ValueFromPipeline")))
                {
                    var sets = Sets(byValue);
                    var besides = parameters.Any(p => p != byValue && Flag(p, "ValueFromPipelineByPropertyName") && Sets(p).Any(s => sets.Contains(s) || s == "__AllParameterSets" || sets.Contains("__AllParameterSets")));
                    if (besides && !byValue.GetCustomAttributesData().Any(a => a.AttributeType == typeof(PlainIdAttribute))) offenders.Add(type.Name + "." + byValue.Name);
                }
            }

            Assert.Empty(offenders);
        }

        [Fact]
        public void Connect_iot_admin_alone_needs_nothing_and_never_prompts()
        {
            var cmdlet = typeof(ConnectIotAdminCommand).GetCustomAttributesData().Single(a => a.AttributeType == typeof(CmdletAttribute));
            var defaultSet = (string)cmdlet.NamedArguments.Single(n => n.MemberName == "DefaultParameterSetName").TypedValue.Value!;
            var mandatoryInDefault = typeof(ConnectIotAdminCommand).GetProperties()
                .Where(p => ParameterAttributes(p).Any(a => Named(a, "Mandatory") && (SetOf(a) == defaultSet || SetOf(a) == "__AllParameterSets")))
                .Select(p => p.Name);

            Assert.Equal("Environment", defaultSet);
            Assert.Empty(mandatoryInDefault);
        }

        [Fact]
        public void A_secret_is_never_a_plain_string_parameter()
        {
            var secretLike = CmdletTypes.SelectMany(t => t.GetProperties())
                .Where(p => ParameterAttributes(p).Any() && p.PropertyType == typeof(string))
                .Where(p => Names(p).Any(n => n.IndexOf("secret", StringComparison.OrdinalIgnoreCase) >= 0 || n.IndexOf("password", StringComparison.OrdinalIgnoreCase) >= 0))
                .Select(p => p.DeclaringType!.Name + "." + p.Name);

            Assert.Empty(secretLike);
            Assert.Equal(typeof(SecureString), typeof(ConnectIotAdminCommand).GetProperty(nameof(ConnectIotAdminCommand.Secret))!.PropertyType);
        }

        private static PropertyInfo Parameter<T>(string name) => typeof(T).GetProperty(name) ?? throw new InvalidOperationException(typeof(T).Name + " has no " + name);

        private static IEnumerable<CustomAttributeData> ParameterAttributes(PropertyInfo p) => p.GetCustomAttributesData().Where(a => a.AttributeType == typeof(ParameterAttribute));

        private static bool Named(CustomAttributeData a, string name) => a.NamedArguments.Any(n => n.MemberName == name && n.TypedValue.Value is true);

        private static bool Flag(PropertyInfo p, string name) => ParameterAttributes(p).Any(a => Named(a, name));

        private static string SetOf(CustomAttributeData a) => a.NamedArguments.Where(n => n.MemberName == "ParameterSetName").Select(n => (string)n.TypedValue.Value!).FirstOrDefault() ?? "__AllParameterSets";

        private static HashSet<string> Sets(PropertyInfo p) => ParameterAttributes(p).Select(SetOf).ToHashSet();

        private static IEnumerable<string> Names(PropertyInfo p) => new[] { p.Name }.Concat(
            p.GetCustomAttributesData().Where(a => a.AttributeType == typeof(AliasAttribute))
                .SelectMany(a => ((IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => (string)v.Value!)));
    }
}
