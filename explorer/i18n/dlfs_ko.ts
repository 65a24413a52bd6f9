<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>DrawPanel</name>
    <message>
        <source>Draw a digit here
(Esc clears)</source>
        <translation>여기에 숫자를 그리세요
(Esc: 지우기)</translation>
    </message>
    <message>
        <source>Draw with the mouse, a pen or a finger. Esc or Delete clears; Ctrl+Z undoes, Ctrl+Shift+Z redoes.</source>
        <translation>마우스, 펜, 손가락으로 그리세요. Esc나 Delete로 지우고, Ctrl+Z로 되돌리고, Ctrl+Shift+Z로 다시 실행합니다.</translation>
    </message>
    <message>
        <source>Pen</source>
        <translation>펜</translation>
    </message>
    <message>
        <source>Pen width</source>
        <translation>펜 굵기</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>지우개</translation>
    </message>
    <message>
        <source>Erase instead of drawing</source>
        <translation>그리는 대신 지웁니다</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <source>Undo the last stroke (Ctrl+Z)</source>
        <translation>마지막 획 되돌리기 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>다시 실행 (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Clear the canvas (Esc)</source>
        <translation>캔버스 지우기 (Esc)</translation>
    </message>
    <message>
        <source>Load image…</source>
        <translation>이미지 불러오기…</translation>
    </message>
    <message>
        <source>Classify a photo or scan of a handwritten digit</source>
        <translation>손글씨 숫자의 사진이나 스캔 이미지를 분류합니다</translation>
    </message>
    <message>
        <source>What the network sees (28×28)</source>
        <translation>신경망이 보는 이미지 (28×28)</translation>
    </message>
    <message>
        <source>Your drawing cropped, scaled to 20 pixels and centred by its centre of mass, as MNIST digits were made</source>
        <translation>MNIST 숫자를 만든 방식대로, 그림을 잘라 20픽셀로 줄이고 무게중심을 가운데로 옮긴 이미지</translation>
    </message>
    <message>
        <source>Softmax probability of each digit</source>
        <translation>각 숫자의 소프트맥스 확률</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>특징 맵</translation>
    </message>
    <message>
        <source>Pooled</source>
        <translation>풀링 결과</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>은닉층</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>필터</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>갤러리</translation>
    </message>
    <message>
        <source>conv1 + ReLU: what each of the 30 filters finds in your digit (24×24); click one to look closer</source>
        <translation>conv1 + ReLU: 필터 30개가 각각 숫자에서 찾아낸 것 (24×24). 하나를 클릭하면 자세히 봅니다</translation>
    </message>
    <message>
        <source>The feature maps after 2×2 max pooling (12×12)</source>
        <translation>2×2 최대 풀링을 거친 특징 맵 (12×12)</translation>
    </message>
    <message>
        <source>The 100 hidden units after ReLU, as a 10×10 grid</source>
        <translation>ReLU를 거친 은닉 뉴런 100개 (10×10 격자)</translation>
    </message>
    <message>
        <source>The 30 trained 5×5 filters of the first layer (blue negative, red positive)</source>
        <translation>첫 번째 층의 학습된 5×5 필터 30개 (파랑은 음수, 빨강은 양수)</translation>
    </message>
    <message>
        <source>MNIST test digits to load onto the canvas</source>
        <translation>캔버스에 불러올 MNIST 시험 데이터 숫자</translation>
    </message>
    <message>
        <source>Open this filter on this digit in the Convolution Lab</source>
        <translation>이 필터와 이 숫자를 합성곱 실험실에서 열기</translation>
    </message>
    <message>
        <source>All digits</source>
        <translation>모든 숫자</translation>
    </message>
    <message>
        <source>Only %1</source>
        <translation>%1만</translation>
    </message>
    <message>
        <source>Show mistakes</source>
        <translation>틀린 것만 보기</translation>
    </message>
    <message>
        <source>Which digits to show; mistakes are digits the network gets wrong</source>
        <translation>보여 줄 숫자. '틀린 것'은 신경망이 잘못 분류한 숫자입니다</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>숫자를 그리세요</translation>
    </message>
    <message>
        <source>%1% sure</source>
        <translation>확신도 %1%</translation>
    </message>
    <message>
        <source>Filter %1 and what it finds (bias %2)</source>
        <translation>필터 %1과 이 필터가 찾아낸 것 (편향 %2)</translation>
    </message>
    <message>
        <source>Load an image of a digit</source>
        <translation>숫자 이미지 불러오기</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)</source>
        <translation>이미지 (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Cannot load image</source>
        <translation>이미지를 불러올 수 없습니다</translation>
    </message>
    <message>
        <source>%1 is not an image this program can read, or the file is broken.</source>
        <translation>%1은(는) 이 프로그램이 읽을 수 있는 이미지가 아니거나 파일이 손상되었습니다.</translation>
    </message>
    <message>
        <source>No digit found: the image looks blank.</source>
        <translation>숫자를 찾지 못했습니다: 빈 이미지로 보입니다.</translation>
    </message>
    <message>
        <source>The network says %1; the truth is %2</source>
        <translation>신경망의 답은 %1, 정답은 %2</translation>
    </message>
    <message>
        <source>%1 of %2 sample digits are misclassified</source>
        <translation>예제 숫자 %2개 중 %1개를 잘못 분류했습니다</translation>
    </message>
    <message>
        <source>A %1 from the MNIST test set</source>
        <translation>MNIST 시험 데이터의 %1</translation>
    </message>
    <message>
        <source>%1 digits; click one to load it</source>
        <translation>숫자 %1개. 클릭하면 캔버스에 불러옵니다</translation>
    </message>
</context>
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
        <source>The Convolution Lab cannot show filters yet.</source>
        <translation>합성곱 실험실은 아직 필터를 보여 줄 수 없습니다.</translation>
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
    <name>MnistDownload</name>
    <message>
        <source>Downloading MNIST…</source>
        <translation>MNIST 내려받는 중…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>MNIST</source>
        <translation>MNIST</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>%1 내려받는 중…</translation>
    </message>
    <message>
        <source>MNIST could not be downloaded</source>
        <translation>MNIST를 내려받지 못했습니다</translation>
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