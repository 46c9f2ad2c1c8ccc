#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# What a user gets before the first cmdlet runs: child PowerShells under every host, the emulator as a well-behaved
# process, and the package PowerShell users install. Needs ./build.ps1 Package (./build.ps1 Test runs it first).

BeforeAll {
    $root = Split-Path -Parent $PSScriptRoot
    Import-Module (Join-Path $root 'tools/ChildPowerShell.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'EmulatorProcess.psm1') -Force
    $emulatorDll = Join-Path $root 'out/emulator/IotAdmin.Emulator.dll'
    $version = (Import-PowerShellDataFile -LiteralPath (Join-Path $root 'IotAdmin.psd1')).ModuleVersion
    $package = Join-Path $root "out/IotAdmin.$version.nupkg"
}

Describe 'Child PowerShell' {
    It 'starts pwsh.dll through dotnet under the .NET tool host' {
        $child = Resolve-ChildPowerShell -ProcessPath '/usr/share/dotnet/dotnet' -PowerShellHome '/home/u/.nuget/packages/powershell/7.6.9/tools/net10.0/any/unix' -Edition Core
        $child.FilePath | Should -Be '/usr/share/dotnet/dotnet'
        $child.ArgumentList | Should -Be @([System.IO.Path]::Combine('/home/u/.nuget/packages/powershell/7.6.9/tools/net10.0/any/unix', 'pwsh.dll'))
    }

    It 'starts pwsh itself under an installed pwsh' {
        $child = Resolve-ChildPowerShell -ProcessPath '/opt/microsoft/powershell/7/pwsh' -PowerShellHome '/opt/microsoft/powershell/7' -Edition Core
        $child.FilePath | Should -Be '/opt/microsoft/powershell/7/pwsh'
        $child.ArgumentList | Should -HaveCount 0
    }

    It 'starts powershell.exe under Windows PowerShell 5.1' {
        $child = Resolve-ChildPowerShell -ProcessPath 'C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe' -PowerShellHome 'C:\Windows\System32\WindowsPowerShell\v1.0' -Edition Desktop
        $child.FilePath | Should -BeLike '*powershell.exe'
        $child.ArgumentList | Should -HaveCount 0
    }

    It 'runs a child of this very host and passes its exit code back' {
        $out = Invoke-ChildPowerShell -Command '$PSVersionTable.PSVersion.ToString(); exit 3'
        $LASTEXITCODE | Should -Be 3
        $out | Should -Be $PSVersionTable.PSVersion.ToString()
    }
}

Describe 'The emulator as a process' -Skip:$IsWindows {
    It 'stops on <signal> with exit code 0 within 2 s and releases its port' -ForEach @(@{ signal = 'TERM' }, @{ signal = 'INT' }) {
        $emulator = Start-IotEmulator -EmulatorPath $emulatorDll -ArgumentList '--devices', '10'
        try {
            $port = ([uri]$emulator.BaseUri).Port
            (Invoke-RestMethod "$($emulator.BaseUri)/_emulator/stats").requests | Should -BeOfType ([long])
            & kill -s $signal $emulator.Process.Id
            $emulator.Process.WaitForExit(2000) | Should -BeTrue
            $emulator.Process.ExitCode | Should -Be 0
            $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, $port)
            { $listener.Start() } | Should -Not -Throw
            $listener.Stop()
        }
        finally {
            Stop-IotEmulator -Emulator $emulator
        }
    }
}

Describe 'The package' {
    It 'holds the module, its help, formats and dependencies, and nothing of the build or tests' {
        Test-Path -LiteralPath $package | Should -BeTrue -Because 'build.ps1 Package writes it'
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($package)
        try { $entries = @($zip.Entries.FullName) } finally { $zip.Dispose() }
        foreach ($file in 'IotAdmin.psd1', 'IotAdmin.dll', 'IotAdmin.Format.ps1xml', 'LICENSE', 'en-US/IotAdmin.dll-Help.xml', 'dependencies/IotAdmin.Core.dll', 'dependencies/Polly.Core.dll', 'dependencies/System.Text.Json.dll') {
            $entries | Should -Contain $file
        }
        $entries | Where-Object { $_ -match '(?i)tests?/|\.Tests\.|build\.ps1|\.pdb$|emulator' } | Should -BeNullOrEmpty
    }

    It 'passes Test-ModuleManifest and points to nothing that does not exist' {
        $info = Test-ModuleManifest -Path (Join-Path $root 'out/IotAdmin/IotAdmin.psd1')
        $info.ProjectUri | Should -BeNullOrEmpty
        $info.LicenseUri | Should -BeNullOrEmpty
        $info.HelpInfoUri | Should -BeNullOrEmpty
    }

    It 'installs with Install-PSResource from a folder repository, imports by name in a fresh process and lists devices' {
        $emulator = Start-IotEmulator -EmulatorPath $emulatorDll -ArgumentList '--devices', '25', '--projects', '2', '--rate-limit', '0'
        # A temporary user: HOME decides PSResourceGet's repository list and the CurrentUser module path.
        $userHome = Join-Path ([System.IO.Path]::GetTempPath()) ('iotadmin-home-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $userHome
        $savedHome = $env:HOME
        try {
            $env:HOME = $userHome
            $folder = (Split-Path -Parent $package) -replace "'", "''"
            $installed = @(Invoke-ChildPowerShell -Command "Register-PSResourceRepository -Name IotAdminLocal -Uri '$folder' -Trusted; Install-PSResource -Name IotAdmin -Repository IotAdminLocal -Scope CurrentUser -Quiet; (Get-Module -ListAvailable IotAdmin).ModuleBase" 2>&1)
            $LASTEXITCODE | Should -Be 0 -Because ($installed -join "`n")
            "$($installed[-1])" | Should -BeLike "$userHome*"
            $listed = @(Invoke-ChildPowerShell -Command "Import-Module IotAdmin; Connect-IotAdmin -CredentialsFile '$($emulator.CredentialsFile)' -Endpoint '$($emulator.ApiRoot)'; (Get-Module IotAdmin).ModuleBase; @(Get-IotDevice).Count" 2>&1)
            $LASTEXITCODE | Should -Be 0 -Because ($listed -join "`n")
            "$($listed[-2])" | Should -BeLike "$userHome*"
            "$($listed[-1])" | Should -Be '25'
        }
        finally {
            $env:HOME = $savedHome
            Remove-Item -LiteralPath $userHome -Recurse -Force -ErrorAction SilentlyContinue
            Stop-IotEmulator -Emulator $emulator
        }
    }
}
