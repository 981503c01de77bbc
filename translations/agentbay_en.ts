<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgentBay::Ui::ActivityLogModel</name>
    <message numerus="yes">
        <location filename="../ui/window/activitylogmodel.cpp" line="+61"/>
        <source>OK (%n times)</source>
        <translation>
            <numerusform>OK (%n time)</numerusform>
            <numerusform>OK (%n times)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::CallHistoryPage</name>
    <message numerus="yes">
        <location filename="../ui/tools/callhistorypage.cpp" line="+192"/>
        <source>Viewing %n call(s) imported from %1.</source>
        <translation>
            <numerusform>Viewing %n call imported from %1.</numerusform>
            <numerusform>Viewing %n calls imported from %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::DeleteSessionsDialog</name>
    <message numerus="yes">
        <location filename="../ui/sessions/deletesessionsdialog.cpp" line="+19"/>
        <source>Delete %n session(s)? Their processes and workspaces are removed for good.</source>
        <translation>
            <numerusform>Delete %n session? Its processes and workspace are removed for good.</numerusform>
            <numerusform>Delete %n sessions? Their processes and workspaces are removed for good.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::FanOutPage</name>
    <message numerus="yes">
        <location filename="../ui/tools/fanoutpage.cpp" line="+276"/>
        <source>Reference: %n of the results are the same as this one.</source>
        <translation>
            <numerusform>Reference: %n of the results is the same as this one.</numerusform>
            <numerusform>Reference: %n of the results are the same as this one.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>, %n running</source>
        <translation>
            <numerusform>, %n running</numerusform>
            <numerusform>, %n running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>, %n not OK</source>
        <translation>
            <numerusform>, %n not OK</numerusform>
            <numerusform>, %n not OK</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>, %n skipped (cancelled)</source>
        <translation>
            <numerusform>, %n skipped (cancelled)</numerusform>
            <numerusform>, %n skipped (cancelled)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source> · %n differ from the reference</source>
        <translation>
            <numerusform> · %n differs from the reference</numerusform>
            <numerusform> · %n differ from the reference</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::FilterBar</name>
    <message numerus="yes">
        <location filename="../ui/sessions/filterbar.cpp" line="+107"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::GlanceColumnsProxy</name>
    <message numerus="yes">
        <location filename="../ui/sessions/glancecolumnsproxy.cpp" line="+168"/>
        <source>%1% of %n core(s)</source>
        <translation>
            <numerusform>%1% of %n core</numerusform>
            <numerusform>%1% of %n cores</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::LocalServerStatus</name>
    <message numerus="yes">
        <location filename="../ui/window/localserverstatus.cpp" line="+166"/>
        <source>Local server: %n session(s)</source>
        <translation>
            <numerusform>Local server: %n session</numerusform>
            <numerusform>Local server: %n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Local server (no sandbox): %n session(s)</source>
        <translation>
            <numerusform>Local server (no sandbox): %n session</numerusform>
            <numerusform>Local server (no sandbox): %n sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::SavedCallsPage</name>
    <message numerus="yes">
        <location filename="../ui/tools/savedcallspage.cpp" line="+303"/>
        <source>Imported %n call(s).</source>
        <translation>
            <numerusform>Imported %n call.</numerusform>
            <numerusform>Imported %n calls.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::SessionCommands</name>
    <message numerus="yes">
        <location filename="../ui/sessions/sessioncommands.cpp" line="+102"/>
        <source>Copied %n session id(s)</source>
        <translation>
            <numerusform>Copied %n session id</numerusform>
            <numerusform>Copied %n session ids</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::SessionDetailEmptyPage</name>
    <message numerus="yes">
        <location filename="../ui/sessions/sessiondetailemptypage.cpp" line="+31"/>
        <source>The filter hides all %n session(s).

Clear filters (Alt+L) shows them again.</source>
        <translation>
            <numerusform>The filter hides the %n session.

Clear filters (Alt+L) shows it again.</numerusform>
            <numerusform>The filter hides all %n sessions.

Clear filters (Alt+L) shows them again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::ToolBrowser</name>
    <message numerus="yes">
        <location filename="../ui/tools/toolbrowser.cpp" line="+166"/>
        <source>%n tool(s) · %1</source>
        <translation>
            <numerusform>%n tool · %1</numerusform>
            <numerusform>%n tools · %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::TrayController</name>
    <message numerus="yes">
        <location filename="../ui/tray/traycontroller.cpp" line="+110"/>
        <source>%n more in the window</source>
        <translation>
            <numerusform>%n more in the window</numerusform>
            <numerusform>%n more in the window</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>AgentBay Desktop: %n running session(s)</source>
        <translation>
            <numerusform>AgentBay Desktop: %n running session</numerusform>
            <numerusform>AgentBay Desktop: %n running sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JsonSchemaForm</name>
    <message numerus="yes">
        <location filename="../core/tools/jsonschemaform.cpp" line="+64"/>
        <source>up to %n character(s)</source>
        <translation>
            <numerusform>up to %n character</numerusform>
            <numerusform>up to %n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+57"/>
        <source>Must be at least %n character(s) long.</source>
        <translation>
            <numerusform>Must be at least %n character long.</numerusform>
            <numerusform>Must be at least %n characters long.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Must be at most %n character(s) long.</source>
        <translation>
            <numerusform>Must be at most %n character long.</numerusform>
            <numerusform>Must be at most %n characters long.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>Needs at least %n item(s).</source>
        <translation>
            <numerusform>Needs at least %n item.</numerusform>
            <numerusform>Needs at least %n items.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Takes at most %n item(s).</source>
        <translation>
            <numerusform>Takes at most %n item.</numerusform>
            <numerusform>Takes at most %n items.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutputSchemaCheck</name>
    <message numerus="yes">
        <location filename="../core/tools/outputschemacheck.cpp" line="+27"/>
        <source>Does not match the output schema (%n problem(s)): %1</source>
        <translation>
            <numerusform>Does not match the output schema (%n problem): %1</numerusform>
            <numerusform>Does not match the output schema (%n problems): %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ToolCallHistory</name>
    <message numerus="yes">
        <location filename="../core/tools/toolcallhistory.cpp" line="+73"/>
        <source>
… [%n more character(s) not kept in history]</source>
        <translation>
            <numerusform>
… [%n more character not kept in history]</numerusform>
            <numerusform>
… [%n more characters not kept in history]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+157"/>
        <source>[%n more content item(s) not kept in history]</source>
        <translation>
            <numerusform>[%n more content item not kept in history]</numerusform>
            <numerusform>[%n more content items not kept in history]</numerusform>
        </translation>
    </message>
</context>
</TS>
