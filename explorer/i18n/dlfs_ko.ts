<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>문제가 발생했습니다</translation>
    </message>
    <message>
        <source>The action could not be completed. Your work is still open.</source>
        <translation>작업을 끝내지 못했습니다. 작업 중인 내용은 그대로 있습니다.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>자세한 내용 복사</translation>
    </message>
    <message>
        <source>Copy the error and its traceback to the clipboard</source>
        <translation>오류와 트레이스백을 클립보드에 복사</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>DLFS Explorer — Deep Learning from Scratch, chapters 6–7</source>
        <translation>DLFS Explorer — 밑바닥부터 시작하는 딥러닝 6–7장</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open weights…</source>
        <translation>가중치 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Load SimpleConvNet weights (.npz, or the book's params.pkl)</source>
        <translation>SimpleConvNet 가중치 불러오기 (.npz 또는 책의 params.pkl)</translation>
    </message>
    <message>
        <source>&amp;Save weights…</source>
        <translation>가중치 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the current network's weights as .npz</source>
        <translation>현재 신경망의 가중치를 .npz로 저장</translation>
    </message>
    <message>
        <source>&amp;Export view as PNG/SVG…</source>
        <translation>화면을 PNG/SVG로 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>테마(&amp;A)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>원래 크기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About DLFS Explorer</source>
        <translation>DLFS Explorer 정보(&amp;A)</translation>
    </message>
    <message>
        <source>shipped weights</source>
        <translation>기본 제공 가중치</translation>
    </message>
    <message>
        <source>Network: SimpleConvNet, %1</source>
        <translation>신경망: SimpleConvNet, %1</translation>
    </message>
    <message>
        <source>No Korean font found: install fonts-noto-cjk to see Hangul.</source>
        <translation>한글 글꼴이 없습니다: fonts-noto-cjk를 설치하세요.</translation>
    </message>
    <message>
        <source>Open weights</source>
        <translation>가중치 열기</translation>
    </message>
    <message>
        <source>Weights (*.npz *.pkl);;All files (*)</source>
        <translation>가중치 (*.npz *.pkl);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Cannot open weights</source>
        <translation>가중치를 열 수 없습니다</translation>
    </message>
    <message>
        <source>Save weights</source>
        <translation>가중치 저장</translation>
    </message>
    <message>
        <source>Weights (*.npz)</source>
        <translation>가중치 (*.npz)</translation>
    </message>
    <message>
        <source>Cannot save weights</source>
        <translation>가중치를 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>Weights saved to %1</source>
        <translation>가중치를 %1에 저장했습니다</translation>
    </message>
    <message>
        <source>Loaded weights from %1</source>
        <translation>%1에서 가중치를 불러왔습니다</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>화면 내보내기</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 이미지 (*.png);;SVG 그림 (*.svg)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>%1(으)로 내보냈습니다</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>Export the current view</source>
        <translation>현재 화면 내보내기</translation>
    </message>
    <message>
        <source>Zoom in / out / reset</source>
        <translation>확대 / 축소 / 원래 크기</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>이 목록</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>끝내기</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>동작</translation>
    </message>
    <message>
        <source>&lt;h3&gt;DLFS Explorer&lt;/h3&gt;&lt;p&gt;See and poke chapters 6 and 7 of &lt;i&gt;Deep Learning from Scratch&lt;/i&gt; (Saito Koki; Korean edition 밑바닥부터 시작하는 딥러닝): parameter updates and convolutional networks.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Credits&lt;/b&gt;&lt;br&gt;The book: Saito Koki, &lt;i&gt;Deep Learning from Scratch&lt;/i&gt; (O'Reilly Japan; Hanbit Media).&lt;br&gt;MNIST: Y. LeCun, C. Cortes, C. J. C. Burges, CC BY-SA 3.0.&lt;br&gt;Built with NumPy, Qt for Python (PySide6), pyqtgraph, pooch and platformdirs.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;DLFS Explorer&lt;/h3&gt;&lt;p&gt;&lt;i&gt;밑바닥부터 시작하는 딥러닝&lt;/i&gt;(사이토 고키) 6장과 7장을 직접 보고 만져 보는 프로그램입니다: 매개변수 갱신과 합성곱 신경망.&lt;/p&gt;&lt;p&gt;&lt;b&gt;만든 데 도움을 준 것들&lt;/b&gt;&lt;br&gt;책: 사이토 고키, &lt;i&gt;밑바닥부터 시작하는 딥러닝&lt;/i&gt; (한빛미디어; 원서 O'Reilly Japan).&lt;br&gt;MNIST: Y. LeCun, C. Cortes, C. J. C. Burges, CC BY-SA 3.0.&lt;br&gt;NumPy, Qt for Python (PySide6), pyqtgraph, pooch, platformdirs로 만들었습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About DLFS Explorer</source>
        <translation>DLFS Explorer 정보</translation>
    </message>
</context>
<context>
    <name>ModelStore</name>
    <message>
        <source>shipped weights</source>
        <translation>기본 제공 가중치</translation>
    </message>
    <message>
        <source>untrained weights (shipped weights not found)</source>
        <translation>학습 전 가중치 (기본 제공 가중치를 찾지 못함)</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Convolution Lab</source>
        <translation>합성곱 실험실</translation>
    </message>
    <message>
        <source>Step through convolution and pooling window by window; padding, stride, channels, im2col and the backward pass.</source>
        <translation>합성곱과 풀링을 윈도우 하나씩 따라가 봅니다: 패딩, 스트라이드, 채널, im2col, 역전파.</translation>
    </message>
    <message>
        <source>Optimizer Playground</source>
        <translation>매개변수 갱신 놀이터</translation>
    </message>
    <message>
        <source>Watch SGD, Momentum, AdaGrad, RMSprop and Adam walk across a loss surface, with their internal state.</source>
        <translation>SGD, 모멘텀, AdaGrad, RMSprop, Adam이 손실 함수 위를 걸어가는 모습과 내부 상태를 봅니다.</translation>
    </message>
    <message>
        <source>Draw &amp; Classify</source>
        <translation>숫자 그리기와 분류</translation>
    </message>
    <message>
        <source>Draw a digit and see SimpleConvNet classify it live, and what every layer sees.</source>
        <translation>숫자를 그리면 SimpleConvNet이 바로 분류합니다. 각 층이 보는 것도 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Training Studio</source>
        <translation>학습 스튜디오</translation>
    </message>
    <message>
        <source>Train SimpleConvNet and race the optimizers on MNIST, with live curves.</source>
        <translation>MNIST로 SimpleConvNet을 학습하고 갱신 방법들을 경주시키며 학습 곡선을 실시간으로 봅니다.</translation>
    </message>
</context>
<context>
    <name>PlaceholderPanel</name>
    <message>
        <source>This panel is being built.</source>
        <translation>이 패널은 만드는 중입니다.</translation>
    </message>
</context>
</TS>