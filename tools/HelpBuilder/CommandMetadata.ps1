# What the compiled cmdlets say about themselves (Get-Command): parameter sets, types, positions, pipeline binding,
# aliases, wildcards, output types. Read in a child PowerShell so that the build's own process never loads (and, on
# Windows, never locks) the module it has just built.

# In the child: the metadata of every command of the module, as JSON on stdout.
function Export-IotCommandMetadata {
    param([Parameter(Mandatory)] [string] $ManifestPath)
    $module = Import-Module $ManifestPath -PassThru -ErrorAction Stop
    $common = @([System.Management.Automation.Cmdlet]::CommonParameters) + 'UseTransaction'
    $commands = foreach ($command in Get-Command -Module $module.Name | Sort-Object Name) {
        $parameters = foreach ($parameter in $command.Parameters.Values | Where-Object { $common -notcontains $_.Name }) {
            $type = $parameter.ParameterType
            [ordered]@{
                Name              = $parameter.Name
                Type              = $type.Name
                TypeFullName      = $type.FullName
                IsSwitch          = $type -eq [switch]
                Aliases           = @($parameter.Aliases)
                SupportsWildcards = [bool]($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
                Sets              = @(foreach ($set in $parameter.ParameterSets.GetEnumerator()) {
                        [ordered]@{
                            Name                  = $set.Key
                            Mandatory             = $set.Value.IsMandatory
                            Position              = $set.Value.Position
                            ByValue               = $set.Value.ValueFromPipeline
                            ByPropertyName        = $set.Value.ValueFromPipelineByPropertyName
                        }
                    })
            }
        }
        [ordered]@{
            Name                = $command.Name
            Verb                = $command.Verb
            Noun                = $command.Noun
            DefaultParameterSet = $command.DefaultParameterSet
            ParameterSets       = @($command.ParameterSets | ForEach-Object Name)
            OutputTypes         = @($command.OutputType | ForEach-Object Name)
            Parameters          = @($parameters)
        }
    }
    ConvertTo-Json -InputObject @($commands) -Depth 8 -Compress
}

# In the build: the metadata read by a child PowerShell.
function Get-IotCommandMetadata {
    param([Parameter(Mandatory)] [string] $ManifestPath)
    $builder = (Join-Path $PSScriptRoot 'HelpBuilder.psm1') -replace "'", "''"
    $manifest = $ManifestPath -replace "'", "''"
    $json = Invoke-ChildPowerShell -Command "Import-Module '$builder'; Export-IotCommandMetadata -ManifestPath '$manifest'"
    if ($LASTEXITCODE -ne 0) { throw "Reading the commands of $ManifestPath failed (exit code $LASTEXITCODE)." }
    @(($json -join "`n") | ConvertFrom-Json)
}
