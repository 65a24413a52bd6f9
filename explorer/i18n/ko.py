"""The Korean catalogue: English source text -> Korean (the book's Korean terms).

``python -m explorer.i18n.update`` merges this into ``dlfs_ko.ts`` and compiles the ``.qm``.
A test fails when a translatable string in ``explorer/`` has no entry here.
"""

KO = {
    # main window
    "DLFS Explorer — Deep Learning from Scratch, chapters 6–7": "DLFS Explorer — 밑바닥부터 시작하는 딥러닝 6–7장",
    "&File": "파일(&F)",
    "&Open weights…": "가중치 열기(&O)…",
    "Load SimpleConvNet weights (.npz, or the book's params.pkl)": "SimpleConvNet 가중치 불러오기 (.npz 또는 책의 params.pkl)",
    "&Save weights…": "가중치 저장(&S)…",
    "Save the current network's weights as .npz": "현재 신경망의 가중치를 .npz로 저장",
    "&Export view as PNG/SVG…": "화면을 PNG/SVG로 내보내기(&E)…",
    "&Quit": "끝내기(&Q)",
    "&View": "보기(&V)",
    "&Appearance": "테마(&A)",
    "Follow the system": "시스템 설정 따르기",
    "Light": "밝게",
    "Dark": "어둡게",
    "Zoom &in": "확대(&I)",
    "Zoom &out": "축소(&O)",
    "&Reset zoom": "원래 크기(&R)",
    "&Language": "언어(&L)",
    "&Help": "도움말(&H)",
    "&Keyboard shortcuts": "단축키(&K)",
    "&About DLFS Explorer": "DLFS Explorer 정보(&A)",
    "shipped weights": "기본 제공 가중치",
    "untrained weights (shipped weights not found)": "학습 전 가중치 (기본 제공 가중치를 찾지 못함)",
    "Network: SimpleConvNet, %1": "신경망: SimpleConvNet, %1",
    "No Korean font found: install fonts-noto-cjk to see Hangul.": "한글 글꼴이 없습니다: fonts-noto-cjk를 설치하세요.",
    "Open weights": "가중치 열기",
    "Weights (*.npz *.pkl);;All files (*)": "가중치 (*.npz *.pkl);;모든 파일 (*)",
    "Cannot open weights": "가중치를 열 수 없습니다",
    "Save weights": "가중치 저장",
    "Weights (*.npz)": "가중치 (*.npz)",
    "Cannot save weights": "가중치를 저장할 수 없습니다",
    "Weights saved to %1": "가중치를 %1에 저장했습니다",
    "Loaded weights from %1": "%1에서 가중치를 불러왔습니다",
    "Export view": "화면 내보내기",
    "PNG image (*.png);;SVG drawing (*.svg)": "PNG 이미지 (*.png);;SVG 그림 (*.svg)",
    "Exported to %1": "%1(으)로 내보냈습니다",
    "Could not write %1": "%1에 쓸 수 없습니다",
    "Export the current view": "현재 화면 내보내기",
    "Zoom in / out / reset": "확대 / 축소 / 원래 크기",
    "This list": "이 목록",
    "Quit": "끝내기",
    "Keyboard shortcuts": "단축키",
    "Keys": "키",
    "Action": "동작",
    "About DLFS Explorer": "DLFS Explorer 정보",
    (
        "<h3>DLFS Explorer</h3>"
        "<p>See and poke chapters 6 and 7 of <i>Deep Learning from Scratch</i> "
        "(Saito Koki; Korean edition 밑바닥부터 시작하는 딥러닝): parameter updates and "
        "convolutional networks.</p>"
        "<p><b>Credits</b><br>"
        "The book: Saito Koki, <i>Deep Learning from Scratch</i> (O'Reilly Japan; Hanbit Media).<br>"
        "MNIST: Y. LeCun, C. Cortes, C. J. C. Burges, CC BY-SA 3.0.<br>"
        "Built with NumPy, Qt for Python (PySide6), pyqtgraph, pooch and platformdirs.</p>"
    ): (
        "<h3>DLFS Explorer</h3>"
        "<p><i>밑바닥부터 시작하는 딥러닝</i>(사이토 고키) 6장과 7장을 직접 보고 만져 보는 "
        "프로그램입니다: 매개변수 갱신과 합성곱 신경망.</p>"
        "<p><b>만든 데 도움을 준 것들</b><br>"
        "책: 사이토 고키, <i>밑바닥부터 시작하는 딥러닝</i> (한빛미디어; 원서 O'Reilly Japan).<br>"
        "MNIST: Y. LeCun, C. Cortes, C. J. C. Burges, CC BY-SA 3.0.<br>"
        "NumPy, Qt for Python (PySide6), pyqtgraph, pooch, platformdirs로 만들었습니다.</p>"
    ),
    # errors
    "Something went wrong": "문제가 발생했습니다",
    "The action could not be completed. Your work is still open.": "작업을 끝내지 못했습니다. 작업 중인 내용은 그대로 있습니다.",
    "Copy details": "자세한 내용 복사",
    "Copy the error and its traceback to the clipboard": "오류와 트레이스백을 클립보드에 복사",
    # panels
    "Convolution Lab": "합성곱 실험실",
    "Step through convolution and pooling window by window; padding, stride, channels, im2col and the "
    "backward pass.": "합성곱과 풀링을 윈도우 하나씩 따라가 봅니다: 패딩, 스트라이드, 채널, im2col, 역전파.",
    "Optimizer Playground": "매개변수 갱신 놀이터",
    "Watch SGD, Momentum, AdaGrad, RMSprop and Adam walk across a loss surface, with their internal "
    "state.": "SGD, 모멘텀, AdaGrad, RMSprop, Adam이 손실 함수 위를 걸어가는 모습과 내부 상태를 봅니다.",
    "Draw & Classify": "숫자 그리기와 분류",
    "Draw a digit and see SimpleConvNet classify it live, and what every layer sees.":
        "숫자를 그리면 SimpleConvNet이 바로 분류합니다. 각 층이 보는 것도 볼 수 있습니다.",
    "Training Studio": "학습 스튜디오",
    "Train SimpleConvNet and race the optimizers on MNIST, with live curves.":
        "MNIST로 SimpleConvNet을 학습하고 갱신 방법들을 경주시키며 학습 곡선을 실시간으로 봅니다.",
    "This panel is being built.": "이 패널은 만드는 중입니다.",
    # Draw & Classify
    "Draw a digit here\n(Esc clears)": "여기에 숫자를 그리세요\n(Esc: 지우기)",
    "Draw with the mouse, a pen or a finger. Esc or Delete clears; Ctrl+Z undoes, Ctrl+Shift+Z redoes.": "마우스, 펜, 손가락으로 그리세요. Esc나 Delete로 지우고, Ctrl+Z로 되돌리고, Ctrl+Shift+Z로 다시 실행합니다.",
    "Pen": "펜",
    "Pen width": "펜 굵기",
    "Eraser": "지우개",
    "Erase instead of drawing": "그리는 대신 지웁니다",
    "Undo": "되돌리기",
    "Undo the last stroke (Ctrl+Z)": "마지막 획 되돌리기 (Ctrl+Z)",
    "Redo": "다시 실행",
    "Redo (Ctrl+Shift+Z)": "다시 실행 (Ctrl+Shift+Z)",
    "Clear": "지우기",
    "Clear the canvas (Esc)": "캔버스 지우기 (Esc)",
    "Load image…": "이미지 불러오기…",
    "Classify a photo or scan of a handwritten digit": "손글씨 숫자의 사진이나 스캔 이미지를 분류합니다",
    "What the network sees (28×28)": "신경망이 보는 이미지 (28×28)",
    "Your drawing cropped, scaled to 20 pixels and centred by its centre of mass, as MNIST digits were made": "MNIST 숫자를 만든 방식대로, 그림을 잘라 20픽셀로 줄이고 무게중심을 가운데로 옮긴 이미지",
    "Softmax probability of each digit": "각 숫자의 소프트맥스 확률",
    "Feature maps": "특징 맵",
    "Pooled": "풀링 결과",
    "Hidden": "은닉층",
    "Filters": "필터",
    "Gallery": "갤러리",
    "conv1 + ReLU: what each of the 30 filters finds in your digit (24×24); click one to look closer": "conv1 + ReLU: 필터 30개가 각각 숫자에서 찾아낸 것 (24×24). 하나를 클릭하면 자세히 봅니다",
    "The feature maps after 2×2 max pooling (12×12)": "2×2 최대 풀링을 거친 특징 맵 (12×12)",
    "The 100 hidden units after ReLU, as a 10×10 grid": "ReLU를 거친 은닉 뉴런 100개 (10×10 격자)",
    "The 30 trained 5×5 filters of the first layer (blue negative, red positive)": "첫 번째 층의 학습된 5×5 필터 30개 (파랑은 음수, 빨강은 양수)",
    "MNIST test digits to load onto the canvas": "캔버스에 불러올 MNIST 시험 데이터 숫자",
    "Open this filter on this digit in the Convolution Lab": "이 필터와 이 숫자를 합성곱 실험실에서 열기",
    "All digits": "모든 숫자",
    "Only %1": "%1만",
    "Show mistakes": "틀린 것만 보기",
    "Which digits to show; mistakes are digits the network gets wrong": "보여 줄 숫자. '틀린 것'은 신경망이 잘못 분류한 숫자입니다",
    "Draw a digit": "숫자를 그리세요",
    "%1% sure": "확신도 %1%",
    "Filter %1 and what it finds (bias %2)": "필터 %1과 이 필터가 찾아낸 것 (편향 %2)",
    "Load an image of a digit": "숫자 이미지 불러오기",
    "Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)": "이미지 (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;모든 파일 (*)",
    "Cannot load image": "이미지를 불러올 수 없습니다",
    "%1 is not an image this program can read, or the file is broken.": "%1은(는) 이 프로그램이 읽을 수 있는 이미지가 아니거나 파일이 손상되었습니다.",
    "No digit found: the image looks blank.": "숫자를 찾지 못했습니다: 빈 이미지로 보입니다.",
    "The network says %1; the truth is %2": "신경망의 답은 %1, 정답은 %2",
    "%1 of %2 sample digits are misclassified": "예제 숫자 %2개 중 %1개를 잘못 분류했습니다",
    "A %1 from the MNIST test set": "MNIST 시험 데이터의 %1",
    "%1 digits; click one to load it": "숫자 %1개. 클릭하면 캔버스에 불러옵니다",
    "The Convolution Lab cannot show filters yet.": "합성곱 실험실은 아직 필터를 보여 줄 수 없습니다.",
    # data
    "Downloading MNIST…": "MNIST 내려받는 중…",
    "Cancel": "취소",
    "MNIST": "MNIST",
    "Downloading %1…": "%1 내려받는 중…",
    "MNIST could not be downloaded": "MNIST를 내려받지 못했습니다",
}
