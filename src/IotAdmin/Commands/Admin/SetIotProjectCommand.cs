using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IotAdmin.Commands.Completion;
using IotAdmin.Models;
using IotAdmin.Operations.Admin;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Changes a project's display name, location, time zone or labels.</para></summary>
    [Cmdlet(VerbsCommon.Set, "IotProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(IotProject))]
    public sealed class SetIotProjectCommand : AdministrationCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        /// <summary>An IANA time zone, e.g. Europe/Oslo.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? TimeZone { get; set; }

        [Parameter]
        [ValidateRange(-90.0, 90.0)]
        public double? Latitude { get; set; }

        [Parameter]
        [ValidateRange(-180.0, 180.0)]
        public double? Longitude { get; set; }

        /// <summary>Project labels to add or change: @{ site = 'oslo' }.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Label { get; set; }

        /// <summary>Project label names to remove.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? RemoveLabel { get; set; }

        /// <summary>Emit the project as it is after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override string Administers => "projects";

        protected override void ProcessRecord()
        {
            var labels = new Dictionary<string, string>(System.StringComparer.Ordinal);
            if (Label != null)
                foreach (DictionaryEntry entry in Label) labels[entry.Key?.ToString() ?? string.Empty] = entry.Value?.ToString()!;
            var change = new ProjectChange
            {
                DisplayName = DisplayName,
                TimeZone = TimeZone,
                Latitude = Latitude,
                Longitude = Longitude,
                AddLabels = labels,
                RemoveLabels = RemoveLabel?.ToList() ?? new List<string>(),
            };
            RunAdmin((call, stopping) => ProjectAdminOperations.SetAsync(call, ProjectId, change, PassThru, stopping));
        }
    }
}
