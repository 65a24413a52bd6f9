<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>BackwardPage</name>
    <message numerus="yes">
        <source>Average pooling spreads the gradient %1 evenly: each of the %n cell(s) gets %1/%2.</source>
        <translation>
            <numerusform>Average pooling spreads the gradient %1 evenly: the one cell gets all of it.</numerusform>
            <numerusform>Average pooling spreads the gradient %1 evenly: each of the %n cells gets %1/%2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConvPage</name>
    <message numerus="yes">
        <source>OH = %1 is not a whole number: the last %n padded row(s) are never covered by a window and are left out (marked red)</source>
        <translation>
            <numerusform>OH = %1 is not a whole number: the last padded row is never covered by a window and is left out (marked red)</numerusform>
            <numerusform>OH = %1 is not a whole number: the last %n padded rows are never covered by a window and are left out (marked red)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>OW = %1 is not a whole number: the last %n padded column(s) are never covered by a window and are left out (marked red)</source>
        <translation>
            <numerusform>OW = %1 is not a whole number: the last padded column is never covered by a window and is left out (marked red)</numerusform>
            <numerusform>OW = %1 is not a whole number: the last %n padded columns are never covered by a window and are left out (marked red)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GalleryPage</name>
    <message numerus="yes">
        <source>Classifying %1 digit(s)…</source>
        <translation>
            <numerusform>Classifying %1 digit…</numerusform>
            <numerusform>Classifying %1 digits…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 digit(s) are misclassified</source>
        <translation>
            <numerusform>%1 of %2 digits is misclassified</numerusform>
            <numerusform>%1 of %2 digits are misclassified</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 digit(s); click one to load it</source>
        <translation>
            <numerusform>%1 digit; click it to load it</numerusform>
            <numerusform>%1 digits; click one to load it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 read as %2: %n digit(s)</source>
        <translation>
            <numerusform>%1 read as %2: %n digit</numerusform>
            <numerusform>%1 read as %2: %n digits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 read right: %n digit(s)</source>
        <translation>
            <numerusform>%1 read right: %n digit</numerusform>
            <numerusform>%1 read right: %n digits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapsPage</name>
    <message numerus="yes">
        <source>It is computed from %n unit(s) of %1 (green: what each of them sees).</source>
        <translation>
            <numerusform>It is computed from one unit of %1 (green: what it sees).</numerusform>
            <numerusform>It is computed from %n units of %1 (green: what each of them sees).</numerusform>
        </translation>
    </message>
</context>
</TS>
