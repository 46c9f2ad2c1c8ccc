using System;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace IotAdmin.Tests.Contract
{
    public class ModuleContractTests
    {
        private readonly ITestOutputHelper _log;

        public ModuleContractTests(ITestOutputHelper log) => _log = log;

        internal static string RepoRoot
        {
            get
            {
                var dir = new DirectoryInfo(AppContext.BaseDirectory);
                while (dir != null && !File.Exists(Path.Combine(dir.FullName, "IotAdmin.sln"))) dir = dir.Parent;
                return dir?.FullName ?? throw new InvalidOperationException("IotAdmin.sln not found above " + AppContext.BaseDirectory);
            }
        }

        [Fact]
        public void The_module_keeps_the_powershell_contract()
        {
            var contract = ModuleContract.Read(Path.Combine(AppContext.BaseDirectory, "IotAdmin.dll"));
            var problems = contract.Check(
                Path.Combine(RepoRoot, "IotAdmin.psd1"),
                Path.Combine(RepoRoot, "docs"),
                "Get-IotDevice",
                "Set-IotLabel", "Remove-IotLabel", "Move-IotDevice");
            foreach (var c in contract.Cmdlets) _log.WriteLine(c.Name + " (" + c.Parameters.Count + " parameters)");
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
            Assert.Contains(contract.Cmdlets, c => c.Name == "Get-IotProject");
        }

        [Fact]
        public void Get_iot_project_pipes_into_get_iot_device()
        {
            var contract = ModuleContract.Read(Path.Combine(AppContext.BaseDirectory, "IotAdmin.dll"));
            Assert.DoesNotContain(contract.Check(null, null, "Get-IotProject"), p => p.StartsWith("Get-IotProject |"));
            var getDevice = contract.Cmdlets.Single(c => c.Name == "Get-IotDevice");
            var project = contract.Cmdlets.Single(c => c.Name == "Get-IotProject").OutputTypes.Single();
            Assert.Contains(getDevice.Parameters, p => p.ValueFromPipelineByPropertyName && p.AllNames.Any(project.Properties.Contains));
        }

        [Fact]
        public void The_checker_reports_each_kind_of_violation()
        {
            var contract = ModuleContract.Read(typeof(ModuleContractTests).Assembly.Location, "IotAdmin.Tests.Contract.Bad");
            var manifest = Path.Combine(Path.GetTempPath(), "bad-" + Guid.NewGuid().ToString("N") + ".psd1");
            File.WriteAllText(manifest, "@{ CmdletsToExport = @('Fetch-IotThing', 'Get-IotGhost') }");
            try
            {
                var problems = contract.Check(manifest, Path.GetTempPath(), "Get-IotWidget", "Set-Widget", "Move-IotWidget");
                foreach (var p in problems) _log.WriteLine(p);
                Assert.Contains("Fetch-IotThing: verb 'Fetch' is not an approved verb", problems);
                Assert.Contains("Set-Widget: noun 'Widget' lacks the Iot prefix", problems);
                Assert.Contains("Set-Widget: changes state but does not declare SupportsShouldProcess", problems);
                Assert.Contains("Set-Widget: has no -Session parameter", problems);
                Assert.Contains("Set-Widget: declares no [OutputType]", problems);
                Assert.Contains(problems, p => p.StartsWith("Get-IotWidget | Set-Widget: mandatory -DeviceId"));
                Assert.Contains("manifest does not export Get-IotWidget", problems);
                Assert.Contains("manifest exports Get-IotGhost, which has no cmdlet class", problems);
                Assert.Contains("Fetch-IotThing: no docs page Fetch-IotThing.md", problems);
                Assert.Contains("Remove-IotGadget: 'Name' names more than one parameter (name or alias)", problems);
                Assert.Contains("Get-IotWidget | Move-IotWidget: -InputObject takes ThingOutput by value but is not in the default parameter set 'ById'", problems);
            }
            finally
            {
                File.Delete(manifest);
            }
        }

        [Theory]
        [InlineData("@{ CmdletsToExport = @('A-B', \"C-D\") }", "A-B,C-D")]
        [InlineData("@{\n CmdletsToExport = @(\n  'A-B'\n  'C-D'\n )\n}", "A-B,C-D")]
        [InlineData("@{ CmdletsToExport = '*' }", "*")]
        public void Manifest_exports_are_read(string psd1, string expected)
        {
            Assert.Equal(expected, string.Join(",", ModuleContract.ManifestExports(psd1)));
        }
    }
}
