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
}
