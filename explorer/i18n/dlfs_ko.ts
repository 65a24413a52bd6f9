<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AbstractionPlot</name>
    <message>
        <source>%1, trained</source>
        <translation>%1, 학습 후</translation>
    </message>
    <message>
        <source>trained</source>
        <translation>학습 후</translation>
    </message>
    <message>
        <source>the same network before training</source>
        <translation>학습 전의 같은 신경망</translation>
    </message>
    <message>
        <source>chance (9 random test images)</source>
        <translation>우연 (무작위 시험 이미지 9장)</translation>
    </message>
    <message>
        <source>SimpleConvNet&apos;s one conv layer</source>
        <translation>SimpleConvNet의 합성곱 계층 하나</translation>
    </message>
    <message>
        <source>share of a channel&apos;s top 9 images with one label</source>
        <translation>채널 상위 9장 중 같은 레이블의 비율</translation>
    </message>
    <message>
        <source>convolution layer (input → output)</source>
        <translation>합성곱 계층 (입력 → 출력)</translation>
    </message>
    <message>
        <source>For every channel, take the 9 test images that excite it most and count how many show the same digit; average over the layer&apos;s channels. Deep layers respond to whole digits, so their top images agree; the first layer responds to strokes that every digit has. This is the lecture&apos;s claim, measured.</source>
        <translation>채널마다 가장 강하게 반응하는 시험 이미지 9장을 골라 같은 숫자가 몇 장인지 세고, 계층의 채널들에 대해 평균합니다. 깊은 계층은 숫자 전체에 반응하므로 상위 이미지들이 같은 숫자이고, 첫 번째 계층은 모든 숫자에 있는 획에 반응합니다. 강의의 주장을 측정한 것입니다.</translation>
    </message>
</context>
<context>
    <name>BackwardPage</name>
    <message>
        <source>Convolution (the Convolution tab&apos;s setup)</source>
        <translation>합성곱 (합성곱 탭의 설정)</translation>
    </message>
    <message>
        <source>Pooling (the Pooling tab&apos;s setup)</source>
        <translation>풀링 (풀링 탭의 설정)</translation>
    </message>
    <message>
        <source>Which forward pass to take back: the Convolution or the Pooling tab&apos;s</source>
        <translation>어느 순전파를 거꾸로 따라갈지: 합성곱 탭 또는 풀링 탭</translation>
    </message>
    <message>
        <source>Set every upstream gradient to 1</source>
        <translation>위층 기울기를 모두 1로</translation>
    </message>
    <message>
        <source>Random small integer gradients</source>
        <translation>작은 무작위 정수 기울기</translation>
    </message>
    <message>
        <source>Gradient: ones</source>
        <translation>기울기: 모두 1</translation>
    </message>
    <message>
        <source>Gradient: random</source>
        <translation>기울기: 무작위</translation>
    </message>
    <message>
        <source>The upstream gradient dL/dout; click a cell and type to edit it</source>
        <translation>위층에서 온 기울기 dL/dout. 칸을 클릭하고 입력하면 바뀝니다</translation>
    </message>
    <message>
        <source>Fix the geometry first: the forward pass has no output.</source>
        <translation>먼저 크기를 고치세요: 순전파의 출력이 없습니다.</translation>
    </message>
    <message>
        <source>Upstream gradient dout[%1, %2]</source>
        <translation>위층에서 온 기울기 dout[%1, %2]</translation>
    </message>
    <message>
        <source>dW of filter %1 so far (db = %2)</source>
        <translation>지금까지의 필터 %1의 dW (db = %2)</translation>
    </message>
    <message>
        <source>dx of image %1 so far (col2im: overlaps add up)</source>
        <translation>지금까지의 이미지 %1의 dx (col2im: 겹치는 곳은 더해짐)</translation>
    </message>
    <message>
        <source>Step %1: dW[%2] += %3 × (the window), dx[window] += %3 × W[%2], db[%2] += %3. After the last step these equal Convolution.backward.</source>
        <translation>단계 %1: dW[%2] += %3 × (윈도우), dx[윈도우] += %3 × W[%2], db[%2] += %3. 마지막 단계가 끝나면 Convolution.backward의 결과와 같습니다.</translation>
    </message>
    <message>
        <source>Upstream gradient dout</source>
        <translation>위층에서 온 기울기 dout</translation>
    </message>
    <message>
        <source>dx so far</source>
        <translation>지금까지의 dx</translation>
    </message>
    <message>
        <source>Max pooling passes the gradient %1 only to the window&apos;s maximum (circled); the other cells get 0.</source>
        <translation>최대 풀링은 기울기 %1을(를) 윈도우의 최댓값(동그라미) 위치로만 보냅니다. 나머지 칸은 0을 받습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Average pooling spreads the gradient %1 evenly: each of the %n cell(s) gets %1/%2.</source>
        <translation>
            <numerusform>평균 풀링은 기울기 %1을(를) 고르게 나눕니다: %n개 칸이 각각 %1/%2씩 받습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchNormPage</name>
    <message>
        <source>Network 784–100×5–10, SGD 0.01, batch 100</source>
        <translation>신경망 784–100×5–10, SGD 0.01, 배치 100</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>훈련 이미지</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에폭 수</translation>
    </message>
    <message>
        <source>Weight scales</source>
        <translation>가중치 스케일 수</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>How many initial standard deviations between 1 and 0.0001 (the book tries 16)</source>
        <translation>1부터 0.0001 사이에서 시험할 초기 표준편차의 개수 (책은 16개)</translation>
    </message>
    <message>
        <source>Train</source>
        <comment>the button that starts training (a verb)</comment>
        <translation>학습</translation>
    </message>
    <message>
        <source>Train both networks from every weight scale (Ctrl+Return)</source>
        <translation>가중치 스케일마다 두 신경망을 학습시킵니다 (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <source>Stop after the current step (Esc)</source>
        <translation>지금 단계가 끝나면 멈춥니다 (Esc)</translation>
    </message>
    <message>
        <source>Press Train: with batch normalisation (solid) the network learns from almost any initial scale; without it (dashed) only from a few.</source>
        <translation>학습을 누르세요: 배치 정규화를 쓰면 (실선) 거의 어떤 초기 스케일에서도 학습하지만, 쓰지 않으면 (점선) 몇몇 스케일에서만 학습합니다.</translation>
    </message>
    <message>
        <source>W: %1</source>
        <translation>W: %1</translation>
    </message>
    <message>
        <source>Stopped; the curves so far stay.</source>
        <translation>멈췄습니다. 지금까지의 곡선은 남아 있습니다.</translation>
    </message>
    <message>
        <source>Loading MNIST…</source>
        <translation>MNIST를 불러오는 중…</translation>
    </message>
    <message>
        <source>scale %1 of %2 (W = %3) · epoch %4 · with BN %5 %, without %6 %</source>
        <translation>스케일 %1 / %2 (W = %3) · 에폭 %4 · 배치 정규화 사용 %5 %, 미사용 %6 %</translation>
    </message>
    <message>
        <source>Reached %1 % on the training images from &lt;b&gt;%2&lt;/b&gt; of %3 initial scales with batch normalisation, from &lt;b&gt;%4&lt;/b&gt; without.</source>
        <translation>훈련 이미지 정확도 %1 %에 도달한 초기 스케일: 배치 정규화 사용 시 %3개 중 &lt;b&gt;%2&lt;/b&gt;개, 미사용 시 &lt;b&gt;%4&lt;/b&gt;개.</translation>
    </message>
</context>
<context>
    <name>ChannelDetail</name>
    <message>
        <source>The 9 test images that excite it most, cut to what the unit sees:</source>
        <translation>가장 강하게 반응하는 시험 이미지 9장 (뉴런이 보는 부분만):</translation>
    </message>
    <message>
        <source>Of the 10,000 MNIST test images, the 9 where this channel&apos;s strongest response is largest, each cropped to the receptive field of the unit that fired (black beyond the image&apos;s edge)</source>
        <translation>MNIST 시험 이미지 10,000장 중 이 채널의 가장 강한 반응이 가장 큰 9장. 반응한 뉴런의 수용 영역만큼 잘라 냈습니다 (이미지 밖은 검정)</translation>
    </message>
    <message>
        <source>The input it likes best (gradient ascent from noise):</source>
        <translation>가장 좋아하는 입력 (잡음에서 시작한 경사 상승법):</translation>
    </message>
    <message>
        <source>Activation maximisation: start from faint noise and change the input to raise this channel&apos;s centre unit, with jitter, blur and decay so the picture stays readable; cropped to the unit&apos;s receptive field</source>
        <translation>활성화 최대화: 희미한 잡음에서 시작해 이 채널 가운데 뉴런의 값이 커지도록 입력을 바꿉니다. 그림이 알아볼 수 있게 흔들기, 흐리기, 감쇠를 함께 씁니다. 뉴런의 수용 영역만큼 잘라 냈습니다</translation>
    </message>
    <message>
        <source>Its filter (blue negative, red positive) and its response to the input:</source>
        <translation>이 채널의 필터 (파랑은 음수, 빨강은 양수)와 입력에 대한 반응:</translation>
    </message>
    <message>
        <source>Compute (1–5 minutes)</source>
        <translation>계산하기 (1–5분)</translation>
    </message>
    <message>
        <source>Scans the 10,000 MNIST test images and runs gradient ascent for every channel; the result is kept for these weights</source>
        <translation>MNIST 시험 이미지 10,000장을 훑고 모든 채널에 경사 상승법을 실행합니다. 결과는 이 가중치용으로 보관됩니다</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Scanning 10,000 test images… %p%</source>
        <translation>시험 이미지 10,000장을 훑는 중… %p%</translation>
    </message>
    <message>
        <source>The same for the untrained network… %p%</source>
        <translation>학습 전 신경망으로 같은 일을 하는 중… %p%</translation>
    </message>
    <message>
        <source>Gradient ascent for every channel… %p%</source>
        <translation>모든 채널에 경사 상승법을 실행하는 중… %p%</translation>
    </message>
    <message>
        <source>One image per class… %p%</source>
        <translation>클래스마다 이미지 하나… %p%</translation>
    </message>
    <message>
        <source>Responses, strongest first: %1. %2 of %3 are a %4.</source>
        <translation>반응 (강한 순): %1. %3장 중 %2장이 숫자 %4입니다.</translation>
    </message>
</context>
<context>
    <name>ConvLabPanel</name>
    <message>
        <source>Convolution</source>
        <translation>합성곱</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>풀링</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>역전파</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>퀴즈</translation>
    </message>
    <message>
        <source>Step through the forward pass window by window; channels, filters, batches</source>
        <translation>순전파를 윈도우 하나씩 따라갑니다: 채널, 필터, 배치</translation>
    </message>
    <message>
        <source>The same convolution as one matrix product</source>
        <translation>같은 합성곱을 행렬 곱 한 번으로</translation>
    </message>
    <message>
        <source>Max and average pooling, and why pooling is robust to small shifts</source>
        <translation>최대 풀링과 평균 풀링, 그리고 풀링이 작은 이동에 강건한 이유</translation>
    </message>
    <message>
        <source>Gradients flowing back: dW, db, dx and pooling&apos;s routing</source>
        <translation>거꾸로 흐르는 기울기: dW, db, dx, 그리고 풀링의 기울기 전달</translation>
    </message>
    <message>
        <source>Practise the output-size formula</source>
        <translation>출력 크기 공식 연습</translation>
    </message>
    <message>
        <source>Filter %1 of conv1 on your digit</source>
        <translation>그린 숫자에 conv1의 필터 %1 적용</translation>
    </message>
</context>
<context>
    <name>ConvNetPage</name>
    <message>
        <source>%1 images</source>
        <translation>이미지 %1장</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>최적화 기법</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에폭 수</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>훈련 이미지</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>train</source>
        <comment>the training images (a curve&apos;s name)</comment>
        <translation>훈련</translation>
    </message>
    <message>
        <source>test</source>
        <comment>the test images (a curve&apos;s name)</comment>
        <translation>시험</translation>
    </message>
    <message>
        <source>SimpleConvNet (conv 30×5×5 – ReLU – pool – 100 – 10)</source>
        <translation>SimpleConvNet (합성곱 30×5×5 – ReLU – 풀링 – 100 – 10)</translation>
    </message>
    <message>
        <source>How many of the 60,000 training images one epoch visits; 10,000 make an epoch of about 100 updates</source>
        <translation>에폭 하나에서 훈련 이미지 60,000장 중 몇 장을 쓸지; 10,000장이면 에폭 하나가 약 100번 갱신입니다</translation>
    </message>
    <message>
        <source>The same seed gives the same initial weights and batches</source>
        <translation>같은 시드는 같은 초깃값과 같은 미니배치를 줍니다</translation>
    </message>
    <message>
        <source>Train a fresh network from its initial weights (Ctrl+Return)</source>
        <translation>초깃값에서 새 신경망을 학습합니다 (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <source>Stop after the current update; the weights so far are kept (Esc)</source>
        <translation>지금 갱신이 끝나면 멈춥니다. 그때까지의 가중치는 남습니다 (Esc)</translation>
    </message>
    <message>
        <source>Use in Draw &amp;&amp; Classify</source>
        <translation>숫자 그리기와 분류에 사용</translation>
    </message>
    <message>
        <source>Make the trained network the one Draw &amp; Classify and the gallery use</source>
        <translation>학습한 신경망을 숫자 그리기와 분류, 숫자 모음에서 사용합니다</translation>
    </message>
    <message>
        <source>Save weights…</source>
        <translation>가중치 저장…</translation>
    </message>
    <message>
        <source>SimpleConvNet (chapter 7)</source>
        <translation>SimpleConvNet (7장)</translation>
    </message>
    <message>
        <source>DeepConvNet (chapter 8)</source>
        <translation>DeepConvNet (8장)</translation>
    </message>
    <message>
        <source>DeepConvNet has six convolution layers: an epoch costs about ten times as much as SimpleConvNet&apos;s</source>
        <translation>DeepConvNet에는 합성곱 계층이 여섯 개 있어서 에폭 하나에 SimpleConvNet의 10배쯤 걸립니다</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>Threads per training step. Automatic uses all cores while that is faster and one when the computer is busy (it measures as it trains)</source>
        <translation>학습 단계마다 쓰는 스레드 수. 자동은 더 빠를 때는 모든 코어를, 컴퓨터가 바쁠 때는 하나를 씁니다 (학습하면서 잽니다)</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>스레드</translation>
    </message>
    <message>
        <source>Train</source>
        <comment>the button that starts training (a verb)</comment>
        <translation>학습</translation>
    </message>
    <message>
        <source>Loss of every mini-batch</source>
        <translation>미니배치마다의 손실</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>Accuracy after every epoch</source>
        <translation>에폭마다의 정확도</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>How abstract each conv layer is, epoch by epoch</source>
        <translation>에폭마다 본 합성곱 계층의 추상도</translation>
    </message>
    <message>
        <source>For every channel: how many of the 9 test images (of the first 1,000) that excite it most show the same digit, averaged over the layer. Darker: later epochs. Red dots: chance.</source>
        <translation>채널마다 가장 강하게 반응하는 시험 이미지 9장 (처음 1,000장 중) 가운데 같은 숫자가 몇 장인지를 계층에 대해 평균한 값. 진할수록 나중 에폭. 빨간 점선: 우연.</translation>
    </message>
    <message>
        <source>Filters before training</source>
        <translation>학습 전 필터</translation>
    </message>
    <message>
        <source>Filters now</source>
        <translation>지금의 필터</translation>
    </message>
    <message>
        <source>Press Train to start.</source>
        <translation>학습을 눌러 시작하세요.</translation>
    </message>
    <message>
        <source>DeepConvNet (six 3×3 conv layers – 50 – 10)</source>
        <translation>DeepConvNet (3×3 합성곱 계층 여섯 – 50 – 10)</translation>
    </message>
    <message>
        <source>Open in the Layer Explorer</source>
        <translation>계층 탐색기에서 열기</translation>
    </message>
    <message>
        <source>Look inside the trained network, layer by layer</source>
        <translation>학습한 신경망을 계층별로 들여다보기</translation>
    </message>
    <message>
        <source>Stopped; the weights so far are kept.</source>
        <translation>멈췄습니다. 그때까지의 가중치는 남아 있습니다.</translation>
    </message>
    <message>
        <source>Loading MNIST…</source>
        <translation>MNIST를 불러오는 중…</translation>
    </message>
    <message>
        <source>epoch %1 · iteration %2 of %3 · loss %4</source>
        <translation>에폭 %1 · 반복 %2/%3 · 손실 %4</translation>
    </message>
    <message>
        <source>Measuring the accuracy on all %1 training images…</source>
        <translation>훈련 이미지 %1장 전체에서 정확도를 재는 중…</translation>
    </message>
    <message>
        <source>Measuring the accuracy after epoch %1…</source>
        <translation>에폭 %1 뒤의 정확도를 재는 중…</translation>
    </message>
    <message>
        <source>Epoch %1: %2 % on the test images · %3 per epoch on this computer, %4 of it measuring accuracy</source>
        <translation>에폭 %1: 시험 이미지 정확도 %2 % · 이 컴퓨터에서 에폭당 %3, 그중 정확도 측정 %4</translation>
    </message>
    <message>
        <source>%1 per epoch, %2 of it measuring accuracy.</source>
        <translation>에폭당 %1, 그중 정확도 측정 %2.</translation>
    </message>
    <message>
        <source>Accuracy: %1 % on the training images, %2 % on the %3 test images.</source>
        <translation>정확도: 훈련 이미지 %1 %, 시험 이미지 %3장에서 %2 %.</translation>
    </message>
    <message>
        <source>Restored the network you trained last time (it was not saved): use it in Draw &amp; Classify or save it.</source>
        <translation>지난번에 학습하고 저장하지 않은 신경망을 되살렸습니다: 숫자 그리기와 분류에 사용하거나 저장하세요.</translation>
    </message>
    <message>
        <source>Save weights</source>
        <translation>가중치 저장</translation>
    </message>
    <message>
        <source>NumPy weights (*.npz)</source>
        <translation>NumPy 가중치 (*.npz)</translation>
    </message>
    <message>
        <source>Could not save the weights</source>
        <translation>가중치를 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1에 저장했습니다</translation>
    </message>
</context>
<context>
    <name>ConvPage</name>
    <message>
        <source>Padding P</source>
        <translation>패딩 P</translation>
    </message>
    <message>
        <source>Stride S</source>
        <translation>스트라이드 S</translation>
    </message>
    <message>
        <source>Channels C</source>
        <translation>채널 C</translation>
    </message>
    <message>
        <source>Filters FN</source>
        <translation>필터 수 FN</translation>
    </message>
    <message>
        <source>Batch N</source>
        <translation>배치 N</translation>
    </message>
    <message>
        <source>Input height</source>
        <translation>입력 높이</translation>
    </message>
    <message>
        <source>Input width</source>
        <translation>입력 너비</translation>
    </message>
    <message>
        <source>Filter height</source>
        <translation>필터 높이</translation>
    </message>
    <message>
        <source>Filter width</source>
        <translation>필터 너비</translation>
    </message>
    <message>
        <source>Zeros added around the input (0–4)</source>
        <translation>입력 둘레에 채우는 0의 폭 (0–4)</translation>
    </message>
    <message>
        <source>How far the window moves each step (1–4)</source>
        <translation>윈도우가 한 번에 이동하는 칸 수 (1–4)</translation>
    </message>
    <message>
        <source>Input channels (each filter has as many)</source>
        <translation>입력 채널 수 (필터도 같은 수의 채널을 가짐)</translation>
    </message>
    <message>
        <source>Number of filters = output channels</source>
        <translation>필터 수 = 출력 채널 수</translation>
    </message>
    <message>
        <source>Images in the batch</source>
        <translation>배치의 이미지 수</translation>
    </message>
    <message>
        <source>Randomise</source>
        <translation>무작위로 채우기</translation>
    </message>
    <message>
        <source>Fill input and filters with random small integers</source>
        <translation>입력과 필터를 작은 무작위 정수로 채웁니다</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>모두 지우기</translation>
    </message>
    <message>
        <source>Set input, filters and biases to zero</source>
        <translation>입력, 필터, 편향을 모두 0으로</translation>
    </message>
    <message>
        <source>Examples from the lecture, classic image filters and a real MNIST digit</source>
        <translation>강의의 예제, 고전적인 이미지 필터, 실제 MNIST 숫자</translation>
    </message>
    <message>
        <source>Choose an example…</source>
        <translation>예제 고르기…</translation>
    </message>
    <message>
        <source>Lecture: 4×4 input, 3×3 filter</source>
        <translation>강의: 4×4 입력, 3×3 필터</translation>
    </message>
    <message>
        <source>Lecture: with bias 3</source>
        <translation>강의: 편향 3</translation>
    </message>
    <message>
        <source>Lecture: padding 1</source>
        <translation>강의: 패딩 1</translation>
    </message>
    <message>
        <source>Lecture: stride 2 on 7×7</source>
        <translation>강의: 7×7 입력, 스트라이드 2</translation>
    </message>
    <message>
        <source>3 channels (C = 3)</source>
        <translation>채널 3개 (C = 3)</translation>
    </message>
    <message>
        <source>Batch of 2 images, 2 filters</source>
        <translation>이미지 2장 배치, 필터 2개</translation>
    </message>
    <message>
        <source>Image filter: edges (MNIST digit)</source>
        <translation>이미지 필터: 경계 검출 (MNIST 숫자)</translation>
    </message>
    <message>
        <source>Image filter: Sobel, vertical edges</source>
        <translation>이미지 필터: 소벨, 세로 경계</translation>
    </message>
    <message>
        <source>Image filter: Sobel, horizontal edges</source>
        <translation>이미지 필터: 소벨, 가로 경계</translation>
    </message>
    <message>
        <source>Image filter: blur</source>
        <translation>이미지 필터: 흐리게</translation>
    </message>
    <message>
        <source>Image filter: sharpen</source>
        <translation>이미지 필터: 선명하게</translation>
    </message>
    <message>
        <source>MNIST digit with a trained conv1 filter</source>
        <translation>MNIST 숫자와 학습된 conv1 필터</translation>
    </message>
    <message>
        <source>Input (padded)</source>
        <translation>입력 (패딩 포함)</translation>
    </message>
    <message>
        <source>⊛ Filter</source>
        <translation>⊛ 필터</translation>
    </message>
    <message>
        <source>= Element-wise products</source>
        <translation>= 원소별 곱</translation>
    </message>
    <message>
        <source>→ Output</source>
        <translation>→ 출력</translation>
    </message>
    <message>
        <source>the %1×%2 filter does not fit in the padded input: no output</source>
        <translation>%1×%2 필터가 패딩된 입력에 들어가지 않습니다: 출력 없음</translation>
    </message>
    <message>
        <source>Input (N, C, H, W) = (%1) ⊛ Filters (FN, C, FH, FW) = (%2) → Output (N, FN, OH, OW) = (%3)</source>
        <translation>입력 (N, C, H, W) = (%1) ⊛ 필터 (FN, C, FH, FW) = (%2) → 출력 (N, FN, OH, OW) = (%3)</translation>
    </message>
    <message numerus="yes">
        <source>OH = %1 is not a whole number: the last %n padded row(s) are never covered by a window and are left out (marked red)</source>
        <translation>
            <numerusform>OH = %1은(는) 정수가 아닙니다: 패딩된 입력의 마지막 %n개 행은 어떤 윈도우에도 들어가지 않아 버려집니다 (빨간색 표시)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>OW = %1 is not a whole number: the last %n padded column(s) are never covered by a window and are left out (marked red)</source>
        <translation>
            <numerusform>OW = %1은(는) 정수가 아닙니다: 패딩된 입력의 마지막 %n개 열은 어떤 윈도우에도 들어가지 않아 버려집니다 (빨간색 표시)</numerusform>
        </translation>
    </message>
    <message>
        <source>Input (padded), image %1</source>
        <translation>입력 (패딩 포함), 이미지 %1</translation>
    </message>
    <message>
        <source>⊛ Filter %1</source>
        <translation>⊛ 필터 %1</translation>
    </message>
    <message>
        <source>→ Output of image %1</source>
        <translation>→ 이미지 %1의 출력</translation>
    </message>
    <message>
        <source>sum over the %1 channels: %2 = %3</source>
        <translation>채널 %1개의 합: %2 = %3</translation>
    </message>
    <message>
        <source>sum of the products = %1</source>
        <translation>곱의 합 = %1</translation>
    </message>
    <message>
        <source>out[%1, %2, %3, %4]: %5, plus bias %6 = &lt;b&gt;%7&lt;/b&gt;</source>
        <translation>out[%1, %2, %3, %4]: %5, 편향(%6)을 더하면 &lt;b&gt;%7&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>DepthPage</name>
    <message>
        <source>Each row is one layer, input side at the top. Upper tiles: the input each channel likes best; lower tiles: the test image that excites it most, cut to what the unit sees. Edges and dots, then strokes and corners, then parts of digits, then whole digits. Agreement: how often a channel&apos;s 9 strongest test images show the same digit (see How abstract?).</source>
        <translation>한 줄이 한 계층이고 위가 입력 쪽입니다. 윗줄: 각 채널이 가장 좋아하는 입력, 아랫줄: 가장 강하게 반응하는 시험 이미지 (뉴런이 보는 부분만). 가장자리와 점, 그다음 획과 모서리, 그다음 숫자의 일부, 마지막으로 숫자 전체. 일치도: 채널이 가장 강하게 반응하는 시험 이미지 9장이 같은 숫자인 비율 (얼마나 추상적인가? 탭 참고).</translation>
    </message>
    <message>
        <source>Not computed for these weights yet: use the button on the right.</source>
        <translation>이 가중치로는 아직 계산하지 않았습니다: 오른쪽 단추를 쓰세요.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;sees %2×%2 pixels&lt;br&gt;agreement %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2×%2 픽셀을 봄&lt;br&gt;일치도 %3</translation>
    </message>
    <message>
        <source>Channels %1 of %2 (the ones whose top images agree most on one digit)</source>
        <translation>%2의 채널 %1 (상위 이미지가 한 숫자로 가장 잘 모이는 채널)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Output&lt;/b&gt;&lt;br&gt;one image per digit 0–9</source>
        <translation>&lt;b&gt;출력&lt;/b&gt;&lt;br&gt;숫자 0–9마다 이미지 하나</translation>
    </message>
    <message>
        <source>Class models: inputs that raise each class score most</source>
        <translation>클래스 모델: 각 클래스 점수를 가장 크게 올리는 입력</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)</source>
        <translation>이미지 (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Load an image of a digit</source>
        <translation>숫자 이미지 불러오기</translation>
    </message>
</context>
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
        <translation>모두 지우기</translation>
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
        <source>Show where it looks (saliency)</source>
        <translation>어디를 보는지 표시 (돌출 맵)</translation>
    </message>
    <message>
        <source>How strongly each pixel changes the score of the answer (the gradient of the score with respect to the input)</source>
        <translation>각 픽셀이 답의 점수를 얼마나 크게 바꾸는지 (입력에 대한 점수의 기울기)</translation>
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
        <source>Draw a digit</source>
        <translation>숫자를 그리세요</translation>
    </message>
    <message>
        <source>%1% sure</source>
        <translation>확신도 %1%</translation>
    </message>
    <message>
        <source>Filter %1 and what it finds (bias %2)</source>
        <translation>필터 %1, 그리고 이 필터가 찾아낸 것 (편향 %2)</translation>
    </message>
    <message>
        <source>Cannot load image</source>
        <translation>이미지를 불러올 수 없습니다</translation>
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
    <name>FileActions</name>
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
        <source>Folder with the four MNIST IDX files</source>
        <translation>MNIST IDX 파일 네 개가 있는 폴더</translation>
    </message>
    <message>
        <source>Not a usable dataset folder</source>
        <translation>사용할 수 없는 데이터셋 폴더입니다</translation>
    </message>
    <message>
        <source>Using %1: %2 training and %3 test images</source>
        <translation>%1 사용 중: 훈련 이미지 %2장, 시험 이미지 %3장</translation>
    </message>
    <message>
        <source>MNIST is ready in %1</source>
        <translation>MNIST가 %1에 준비되었습니다</translation>
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
</context>
<context>
    <name>Formula</name>
    <message>
        <source>the formula is nested too deeply</source>
        <translation>수식이 너무 깊이 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>unknown name &apos;%1&apos;: use x and y (and pi, e)</source>
        <translation>알 수 없는 이름 &apos;%1&apos;: x와 y(그리고 pi, e)를 쓰세요</translation>
    </message>
    <message>
        <source>the exponent %1 is too large (at most %2)</source>
        <translation>지수 %1이(가) 너무 큽니다 (최대 %2)</translation>
    </message>
    <message>
        <source>the operator &apos;%1&apos; is not allowed: use + - * / **</source>
        <translation>연산자 &apos;%1&apos;은(는) 쓸 수 없습니다: + - * / **를 쓰세요</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an allowed function: use %2</source>
        <translation>&apos;%1&apos;은(는) 쓸 수 있는 함수가 아닙니다: %2 중에서 쓰세요</translation>
    </message>
    <message>
        <source>%1() takes exactly one argument</source>
        <translation>%1()에는 인수가 정확히 하나 필요합니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not allowed in a formula</source>
        <translation>&apos;%1&apos;은(는) 수식에 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>type a formula in x and y, for example x**2/20 + y**2</source>
        <translation>x와 y의 수식을 입력하세요. 예: x**2/20 + y**2</translation>
    </message>
    <message>
        <source>the formula is longer than %1 characters</source>
        <translation>수식이 %1자보다 깁니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid formula (%2 at column %3)</source>
        <translation>&apos;%1&apos;은(는) 올바른 수식이 아닙니다 (%3번째 글자에서 %2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not depend on x or y</source>
        <translation>&apos;%1&apos;은(는) x나 y에 따라 달라지지 않습니다</translation>
    </message>
    <message>
        <source>%1: the values are too large for floating point (overflow) everywhere in the view x %2..%3, y %4..%5</source>
        <translation>%1: 보이는 범위 x %2..%3, y %4..%5 어디에서나 값이 부동소수점으로 나타내기에 너무 큽니다 (오버플로)</translation>
    </message>
    <message>
        <source>%1: not a real number anywhere in the view x %2..%3, y %4..%5 (a square root or log of a negative number?)</source>
        <translation>%1: 보이는 범위 x %2..%3, y %4..%5 어디에서도 실수가 아닙니다 (음수의 제곱근이나 로그인가요?)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; divides by zero or is not a number</source>
        <translation>&apos;%1&apos;은(는) 0으로 나누거나 수가 아닙니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a real number</source>
        <translation>&apos;%1&apos;은(는) 실수가 아닙니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too large a number (at most %2)</source>
        <translation>&apos;%1&apos;은(는) 너무 큰 수입니다 (최대 %2)</translation>
    </message>
    <message>
        <source>%1 cannot be evaluated (%2)</source>
        <translation>%1을(를) 계산할 수 없습니다 (%2)</translation>
    </message>
</context>
<context>
    <name>GalleryPage</name>
    <message>
        <source>Shipped sample (1,000 digits)</source>
        <translation>기본 제공 예제 (숫자 1,000개)</translation>
    </message>
    <message>
        <source>MNIST test set (10,000 digits)</source>
        <translation>MNIST 시험 데이터 (숫자 10,000개)</translation>
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
        <source>Confusion matrix</source>
        <translation>혼동 행렬</translation>
    </message>
    <message>
        <source>Rows: the true digit, 0 at the top. Columns: the network&apos;s answer, 0 on the left. The diagonal is what it got right; click a cell to see its digits.</source>
        <translation>행: 실제 숫자 (위가 0). 열: 신경망의 답 (왼쪽이 0). 대각선은 맞힌 것입니다. 칸을 클릭하면 그 숫자들을 보여 줍니다.</translation>
    </message>
    <message>
        <source>The MNIST test set is offered once MNIST is on this computer (File › Download MNIST or Choose MNIST folder)</source>
        <translation>MNIST가 이 컴퓨터에 있으면 시험 데이터를 고를 수 있습니다 (파일 › MNIST 내려받기 또는 MNIST 폴더 선택)</translation>
    </message>
    <message>
        <source>Which digits to show; mistakes are digits the network gets wrong</source>
        <translation>보여 줄 숫자. &apos;틀린 것&apos;은 신경망이 잘못 분류한 숫자입니다</translation>
    </message>
    <message>
        <source>MNIST is not on this computer yet: use File › Download MNIST.</source>
        <translation>MNIST가 아직 이 컴퓨터에 없습니다: 파일 › MNIST 내려받기를 사용하세요.</translation>
    </message>
    <message>
        <source>Loading the MNIST test set…</source>
        <translation>MNIST 시험 데이터를 불러오는 중…</translation>
    </message>
    <message>
        <source>Classifying 10,000 digits…</source>
        <translation>숫자 10,000개를 분류하는 중…</translation>
    </message>
    <message numerus="yes">
        <source>Classifying %1 digit(s)…</source>
        <translation>
            <numerusform>숫자 %1개를 분류하는 중…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 digit(s) are misclassified</source>
        <translation>
            <numerusform>숫자 %2개 중 %1개를 잘못 분류했습니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 digit(s); click one to load it</source>
        <translation>
            <numerusform>숫자 %1개. 클릭하면 캔버스에 불러옵니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 read as %2: %n digit(s)</source>
        <translation>
            <numerusform>%1을(를) %2(으)로 읽음: %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 read right: %n digit(s)</source>
        <translation>
            <numerusform>%1을(를) 맞게 읽음: %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>The network says %1; the truth is %2</source>
        <translation>신경망의 답은 %1, 정답은 %2</translation>
    </message>
    <message>
        <source>(under each: the network&apos;s answer ≠ the true digit)</source>
        <translation>(각 숫자 아래: 신경망의 답 ≠ 실제 숫자)</translation>
    </message>
    <message>
        <source>A %1 from the MNIST test set</source>
        <translation>MNIST 시험 데이터의 %1</translation>
    </message>
    <message>
        <source>(showing the first %1)</source>
        <translation>(처음 %1개만 표시)</translation>
    </message>
</context>
<context>
    <name>Im2colPage</name>
    <message>
        <source>im2col(x): one row per window, (N·OH·OW, C·FH·FW) = (%1, %2)</source>
        <translation>im2col(x): 윈도우 하나가 한 행, (N·OH·OW, C·FH·FW) = (%1, %2)</translation>
    </message>
    <message>
        <source>Filters as columns, (C·FH·FW, FN) = (%1, %2)</source>
        <translation>열로 펼친 필터, (C·FH·FW, FN) = (%1, %2)</translation>
    </message>
    <message>
        <source>col · W + b, (N·OH·OW, FN) = (%1, %2)</source>
        <translation>col · W + b, (N·OH·OW, FN) = (%1, %2)</translation>
    </message>
    <message>
        <source>Row %1 is the window of image %2 at output position (%3, %4); times column %5 (filter %5) plus bias gives %6. Reshaped to (N, OH, OW, FN) = (%7) and transposed (0, 3, 1, 2) this is the output (N, FN, OH, OW) = (%8): one matrix product does all %9 multiply-accumulates.</source>
        <translation>%1행은 이미지 %2의 출력 위치 (%3, %4) 윈도우입니다. %5열(필터 %5)과 곱하고 편향을 더하면 %6입니다. (N, OH, OW, FN) = (%7)로 형상을 바꾸고 (0, 3, 1, 2)로 축을 바꾸면 출력 (N, FN, OH, OW) = (%8)이 됩니다: 행렬 곱 한 번이 곱셈-누적 %9번을 모두 합니다.</translation>
    </message>
</context>
<context>
    <name>ImageFile</name>
    <message>
        <source>%1 is not an image this program can read, or the file is broken.</source>
        <translation>%1은(는) 이 프로그램이 읽을 수 있는 이미지가 아니거나 파일이 손상되었습니다.</translation>
    </message>
    <message>
        <source>%1 is %2×%3 pixels (width × height): a digit needs at least %4×%4.</source>
        <translation>%1은(는) %2×%3 픽셀(가로 × 세로)입니다: 숫자를 담으려면 적어도 %4×%4 픽셀이 필요합니다.</translation>
    </message>
    <message>
        <source>%1 is cut off: the file ends before the picture does.</source>
        <translation>%1은(는) 잘린 파일입니다: 그림이 끝나기 전에 파일이 끝납니다.</translation>
    </message>
    <message>
        <source>No digit found in %1: the image looks blank.</source>
        <translation>%1에서 숫자를 찾지 못했습니다: 빈 이미지로 보입니다.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 파일이 없습니다.</translation>
    </message>
    <message>
        <source>%1 is a link to a file that does not exist.</source>
        <translation>%1: 없는 파일을 가리키는 링크입니다.</translation>
    </message>
    <message>
        <source>%1 is a link that leads back to itself.</source>
        <translation>%1: 자기 자신으로 되돌아오는 링크입니다.</translation>
    </message>
    <message>
        <source>%1 is a folder, not an image.</source>
        <translation>%1: 이미지가 아니라 폴더입니다.</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a pipe, socket or device).</source>
        <translation>%1: 일반 파일이 아닙니다(파이프, 소켓 또는 장치).</translation>
    </message>
    <message>
        <source>%1 cannot be read: permission denied.</source>
        <translation>%1: 읽을 권한이 없습니다.</translation>
    </message>
</context>
<context>
    <name>InitPage</name>
    <message>
        <source>Five layers of 100 units, 1,000 random inputs</source>
        <translation>뉴런 100개짜리 층 5개, 무작위 입력 1,000개</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>시그모이드</translation>
    </message>
    <message>
        <source>Xavier: std = 1/√n</source>
        <translation>Xavier: 표준편차 = 1/√n</translation>
    </message>
    <message>
        <source>He: std = √(2/n)</source>
        <translation>He: 표준편차 = √(2/n)</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Initial weights</source>
        <translation>가중치 초깃값</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>반복 횟수</translation>
    </message>
    <message>
        <source>The standard deviation of the weights; n is the number of units in the layer below (100)</source>
        <translation>가중치의 표준편차. n은 앞 층의 뉴런 수(100)입니다</translation>
    </message>
    <message>
        <source>On MNIST: std 0.01, Xavier and He, 784–100×4–10 ReLU, SGD 0.01</source>
        <translation>MNIST에서: 표준편차 0.01, Xavier, He, 784–100×4–10 ReLU, SGD 0.01</translation>
    </message>
    <message>
        <source>Mini-batches of 128 images, the same for the three networks; the book runs 2,000</source>
        <translation>이미지 128장짜리 미니배치, 세 신경망에 같은 배치. 책은 2,000번 반복합니다</translation>
    </message>
    <message>
        <source>Train</source>
        <comment>the button that starts training (a verb)</comment>
        <translation>학습</translation>
    </message>
    <message>
        <source>Train one network per initialisation on the same batches (Ctrl+Return)</source>
        <translation>초깃값마다 신경망 하나를 같은 배치로 학습시킵니다 (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <source>Stop after the current iteration (Esc)</source>
        <translation>지금 반복이 끝나면 멈춥니다 (Esc)</translation>
    </message>
    <message>
        <source>Loss on MNIST (smoothed as in the book)</source>
        <translation>MNIST 손실 (책처럼 매끄럽게)</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>Press Train to see which initial weights let the network learn.</source>
        <translation>학습을 누르면 어떤 초깃값이 학습을 가능하게 하는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>%1층</translation>
    </message>
    <message>
        <source>(ReLU&apos;s zeros, about half of the values, are not drawn.)</source>
        <translation>(ReLU가 내는 0, 값의 절반쯤은 그리지 않았습니다.)</translation>
    </message>
    <message>
        <source>The activations pile up at the two ends, where the slope of the activation is almost 0: the gradient vanishes on its way back (vanishing gradients).</source>
        <translation>활성화 값이 양 끝에 몰립니다. 그곳에서는 활성화 함수의 기울기가 거의 0이라 역전파되는 기울기가 사라집니다 (기울기 소실).</translation>
    </message>
    <message>
        <source>The activations are all nearly the same: every unit says the same thing, as if the layer had one unit (little expressive power); with tanh and ReLU they shrink towards 0 layer by layer.</source>
        <translation>활성화 값이 거의 같습니다. 모든 뉴런이 같은 값을 내니 뉴런이 하나뿐인 것과 같습니다 (표현력 제한). tanh와 ReLU에서는 층을 지날수록 0으로 줄어듭니다.</translation>
    </message>
    <message>
        <source>The activations grow layer by layer (look at each layer&apos;s std): in a deeper network they would overflow.</source>
        <translation>활성화 값이 층마다 커집니다 (각 층의 표준편차를 보세요). 더 깊은 신경망이라면 넘쳐 버릴 것입니다.</translation>
    </message>
    <message>
        <source>With ReLU, Xavier&apos;s weights are too small: the spread shrinks layer by layer (compare He).</source>
        <translation>ReLU에는 Xavier 초깃값이 너무 작습니다. 층을 지날수록 분포가 좁아집니다 (He와 비교해 보세요).</translation>
    </message>
    <message>
        <source>The spread stays about the same in every layer: this initialisation suits the activation (Xavier for sigmoid and tanh, He for ReLU).</source>
        <translation>모든 층에서 분포의 폭이 거의 같습니다. 이 초깃값이 활성화 함수에 맞습니다 (시그모이드와 tanh에는 Xavier, ReLU에는 He).</translation>
    </message>
    <message>
        <source>Stopped; the curves so far stay.</source>
        <translation>멈췄습니다. 지금까지의 곡선은 남아 있습니다.</translation>
    </message>
    <message>
        <source>Loading MNIST…</source>
        <translation>MNIST를 불러오는 중…</translation>
    </message>
    <message>
        <source>iteration %1 of %2</source>
        <translation>반복 %1/%2</translation>
    </message>
    <message>
        <source>Mean loss of the last %1 iterations:</source>
        <translation>마지막 %1번 반복의 평균 손실:</translation>
    </message>
    <message>
        <source>std 0.01 hardly learns: its tiny activations pass back tiny gradients.</source>
        <translation>표준편차 0.01은 거의 학습하지 못합니다. 작은 활성화 값이 작은 기울기만 돌려보냅니다.</translation>
    </message>
</context>
<context>
    <name>InputControls</name>
    <message>
        <source>Network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>Open weights…</source>
        <translation>가중치 열기…</translation>
    </message>
    <message>
        <source>SimpleConvNet or DeepConvNet weights (.npz, or the book&apos;s .pkl)</source>
        <translation>SimpleConvNet 또는 DeepConvNet 가중치 (.npz 또는 책의 .pkl)</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Your drawing (Draw &amp; Classify)</source>
        <translation>직접 그린 숫자 (숫자 그리기와 분류)</translation>
    </message>
    <message>
        <source>MNIST test digits (1,000 shipped)</source>
        <translation>MNIST 시험 숫자 (함께 제공되는 1,000개)</translation>
    </message>
    <message>
        <source>Loaded image</source>
        <translation>불러온 이미지</translation>
    </message>
    <message>
        <source>Load image…</source>
        <translation>이미지 불러오기…</translation>
    </message>
    <message>
        <source>A photo or scan of a handwritten digit</source>
        <translation>손으로 쓴 숫자의 사진이나 스캔</translation>
    </message>
    <message>
        <source>Previous test digit</source>
        <translation>이전 시험 숫자</translation>
    </message>
    <message>
        <source>Next test digit</source>
        <translation>다음 시험 숫자</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <source>A random test digit</source>
        <translation>무작위 시험 숫자</translation>
    </message>
    <message>
        <source>any digit</source>
        <translation>모든 숫자</translation>
    </message>
    <message>
        <source>Only test digits of this class</source>
        <translation>이 클래스의 시험 숫자만</translation>
    </message>
    <message>
        <source>Show where it looks (saliency)</source>
        <translation>어디를 보는지 표시 (돌출 맵)</translation>
    </message>
    <message>
        <source>How strongly each pixel changes the score of the answer (the gradient of the score with respect to the input)</source>
        <translation>각 픽셀이 답의 점수를 얼마나 크게 바꾸는지 (입력에 대한 점수의 기울기)</translation>
    </message>
    <message>
        <source>DeepConvNet (shipped)</source>
        <translation>DeepConvNet (기본 제공)</translation>
    </message>
    <message>
        <source>SimpleConvNet (as in Draw &amp; Classify)</source>
        <translation>SimpleConvNet (숫자 그리기와 분류에서 쓰는 신경망)</translation>
    </message>
    <message>
        <source>No input yet</source>
        <translation>아직 입력이 없습니다</translation>
    </message>
    <message>
        <source>Answer: %1 (%2% sure)</source>
        <translation>답: %1 (%2% 확신)</translation>
    </message>
    <message>
        <source>label %1, test digit #%2</source>
        <translation>레이블 %1, 시험 숫자 #%2</translation>
    </message>
</context>
<context>
    <name>LandscapePage</name>
    <message>
        <source>The paths</source>
        <translation>경로</translation>
    </message>
    <message>
        <source>Four SimpleConvNets from one start on the same batches of 100, at the book&apos;s learning rates: %1</source>
        <translation>같은 출발점의 SimpleConvNet 네 개가 같은 100장 배치로, 책의 학습률로 학습합니다: %1</translation>
    </message>
    <message>
        <source>The slice: 2 of %1 dimensions</source>
        <translation>단면: %1차원 중 2차원</translation>
    </message>
    <message>
        <source>The paths&apos; own directions</source>
        <translation>경로 자신의 방향</translation>
    </message>
    <message>
        <source>Random, filter-normalised</source>
        <translation>무작위 (필터 정규화)</translation>
    </message>
    <message>
        <source>End of %1&apos;s path</source>
        <translation>%1 경로의 끝</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>반복 횟수</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Directions</source>
        <translation>방향</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>중심</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>격자</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>Updates per optimizer; a copy of every network is kept 20 times on the way</source>
        <translation>최적화 기법마다 갱신 횟수. 도중에 20번 각 신경망의 사본을 저장합니다</translation>
    </message>
    <message>
        <source>The same seed gives the same initial weights, batches, images and random directions</source>
        <translation>같은 시드는 같은 초깃값, 배치, 이미지, 무작위 방향을 만듭니다</translation>
    </message>
    <message>
        <source>The paths&apos; own directions: the plane through the centre that holds most of the paths (a principal component analysis of their points). Random: Gaussian directions, each filter scaled to the size of the same filter at the centre (Li et al., 2018)</source>
        <translation>경로 자신의 방향: 중심을 지나며 경로를 가장 많이 담는 평면 (경로 점들의 주성분 분석). 무작위: 가우스 방향, 각 필터를 중심에서의 같은 필터 크기에 맞춤 (Li 외, 2018)</translation>
    </message>
    <message>
        <source>The point of the slice&apos;s (0, 0): where one optimizer ended</source>
        <translation>단면의 (0, 0) 점: 한 최적화 기법이 끝난 곳</translation>
    </message>
    <message>
        <source>Points per side of the grid where the loss is computed (15: 225 losses); drawn smoothed between them</source>
        <translation>손실을 계산하는 격자의 한 변당 점 수 (15: 손실 225개). 그 사이는 매끄럽게 그립니다</translation>
    </message>
    <message>
        <source>Training images the loss is measured on, drawn with the seed</source>
        <translation>손실을 잴 훈련 이미지 (시드로 뽑음)</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>계산</translation>
    </message>
    <message>
        <source>Train the four networks (unless their paths are kept) and compute the loss on the slice (Ctrl+Return)</source>
        <translation>네 신경망을 학습하고 (경로가 저장되어 있지 않다면) 단면의 손실을 계산합니다 (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <source>Stop (Esc); the slices computed so far are kept</source>
        <translation>멈춤 (Esc). 지금까지 계산한 단면은 남습니다</translation>
    </message>
    <message>
        <source>Mini-batch loss on the way (smoothed)</source>
        <translation>도중의 미니배치 손실 (평활화)</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>Press Compute: four optimizers train SimpleConvNet from the same start, then the loss is drawn on a slice with their paths.</source>
        <translation>계산을 누르세요: 네 최적화 기법이 같은 출발점에서 SimpleConvNet을 학습하고, 손실을 단면에 경로와 함께 그립니다.</translation>
    </message>
    <message>
        <source>α: first direction of the paths (%1 % of their spread)</source>
        <translation>α: 경로의 첫째 방향 (퍼짐의 %1 %)</translation>
    </message>
    <message>
        <source>β: second (%1 %)</source>
        <translation>β: 둘째 (%1 %)</translation>
    </message>
    <message>
        <source>α (random direction 1)</source>
        <translation>α (무작위 방향 1)</translation>
    </message>
    <message>
        <source>β (random direction 2)</source>
        <translation>β (무작위 방향 2)</translation>
    </message>
    <message>
        <source>Loss on the slice θ* + α·d₁ + β·d₂ (purple low, yellow high)</source>
        <translation>단면 θ* + α·d₁ + β·d₂ 위의 손실 (보라: 낮음, 노랑: 높음)</translation>
    </message>
    <message>
        <source>Press Compute: these iterations and seed need their own paths (the picture shows the earlier settings&apos; slice).</source>
        <translation>계산을 누르세요: 이 반복 횟수와 시드에는 새 경로가 필요합니다 (그림은 이전 설정의 단면입니다).</translation>
    </message>
    <message>
        <source>Stopped before the paths were complete: they are not kept. Compute starts again.</source>
        <translation>경로가 완성되기 전에 멈췄습니다: 저장하지 않습니다. 계산을 누르면 처음부터 시작합니다.</translation>
    </message>
    <message>
        <source>Stopped; the paths are kept: choosing a slice computes it in seconds.</source>
        <translation>멈췄습니다. 경로는 남아 있습니다: 단면을 고르면 몇 초 만에 계산합니다.</translation>
    </message>
    <message>
        <source>This slice was computed before: shown from memory.</source>
        <translation>이 단면은 이미 계산했습니다: 기억에서 보여 줍니다.</translation>
    </message>
    <message>
        <source>Loading MNIST…</source>
        <translation>MNIST를 불러오는 중…</translation>
    </message>
    <message>
        <source>Training: iteration %1 of %2</source>
        <translation>학습: 반복 %1 / %2</translation>
    </message>
    <message>
        <source>The slice: %1 losses on %2 images…</source>
        <translation>단면: 이미지 %2장으로 손실 %1개…</translation>
    </message>
    <message>
        <source>The slice: row %1 of %2</source>
        <translation>단면: %1 / %2 행</translation>
    </message>
    <message>
        <source>start</source>
        <translation>출발</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>on the slice</source>
        <comment>the slice&apos;s loss under a path&apos;s end</comment>
        <translation>단면 위</translation>
    </message>
    <message>
        <source>in the slice</source>
        <comment>the share of a path lying in the slice</comment>
        <translation>단면 안</translation>
    </message>
    <message>
        <source>A random slice holds at most %1 % of any path: in %2 dimensions two random directions are almost perpendicular to every path, so the paths barely leave the centre. What this slice shows is the valley&apos;s shape around the centre. Choose the paths&apos; own directions to see the paths.</source>
        <translation>무작위 단면은 어떤 경로든 많아야 %1 %만 담습니다: %2차원에서 무작위 두 방향은 모든 경로와 거의 수직이라, 경로가 중심을 거의 벗어나지 않습니다. 이 단면이 보여 주는 것은 중심 둘레 골짜기의 모양입니다. 경로를 보려면 경로 자신의 방향을 고르세요.</translation>
    </message>
    <message>
        <source>The paths lie mostly in this slice (last column), so the picture shows where they went. Where a path is not in the slice, its true loss (first column) differs from the slice&apos;s height under its end (second). Compare a random slice.</source>
        <translation>경로가 대부분 이 단면 안에 있어서 (마지막 열) 그림이 경로가 간 곳을 보여 줍니다. 경로가 단면 밖에 있는 만큼, 실제 손실 (첫째 열)이 그 끝 아래 단면의 높이 (둘째 열)와 다릅니다. 무작위 단면과 비교해 보세요.</translation>
    </message>
</context>
<context>
    <name>LayerExplorerPanel</name>
    <message>
        <source>Feature maps</source>
        <translation>특징 맵</translation>
    </message>
    <message>
        <source>By depth</source>
        <translation>깊이별</translation>
    </message>
    <message>
        <source>How abstract?</source>
        <translation>얼마나 추상적인가?</translation>
    </message>
    <message>
        <source>About this view</source>
        <translation>이 화면에 대해</translation>
    </message>
    <message>
        <source>The shipped DeepConvNet could not be loaded: %1</source>
        <translation>기본 제공 DeepConvNet을 불러오지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Open SimpleConvNet or DeepConvNet weights</source>
        <translation>SimpleConvNet 또는 DeepConvNet 가중치 열기</translation>
    </message>
    <message>
        <source>Weights (*.npz *.pkl);;All files (*)</source>
        <translation>가중치 (*.npz *.pkl);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot load %1: %2</source>
        <translation>%1을(를) 불러올 수 없습니다: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;, unit %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, 뉴런 %2</translation>
    </message>
    <message>
        <source>A dense layer: every unit sees the whole image, so there is no patch to show. The By depth tab shows one image per output class.</source>
        <translation>완전연결 계층: 모든 뉴런이 이미지 전체를 보므로 보여 줄 조각이 없습니다. 깊이별 탭에 출력 클래스마다 이미지가 하나씩 있습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Channel %1 of %2&lt;/b&gt; — sees %3×%3 pixels</source>
        <translation>&lt;b&gt;%2의 채널 %1&lt;/b&gt; — %3×%3 픽셀을 봄</translation>
    </message>
    <message>
        <source>What each channel responds to has not been computed for these weights yet.</source>
        <translation>이 가중치로는 채널마다 무엇에 반응하는지 아직 계산하지 않았습니다.</translation>
    </message>
    <message>
        <source>It needs MNIST: File › Download MNIST.</source>
        <translation>MNIST가 필요합니다: 파일 › MNIST 내려받기.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>Could not compute it: %1</source>
        <translation>계산하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The deeper the layer, the more abstract what it extracts&lt;/h3&gt;
&lt;p&gt;The lecture ends on AlexNet&apos;s eight layers: the first layer&apos;s filters respond to edges and blobs,
later layers to textures and parts, the last ones to whole objects. DeepConvNet (the book&apos;s chapter 8
network: six 3×3 convolutions, three poolings, two affine layers) lets you check this on digits.&lt;/p&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Feature maps&lt;/b&gt;: what every channel of a layer computes for your digit. Click a pixel: the
cyan square on the input is everything that unit can see (its receptive field: 3, 5, 10, 14, 24 and
32 pixels for conv1 … conv6), the green squares what the units below it see.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;On the right&lt;/b&gt;: the 9 test images that excite the channel most, and the input it likes
best. Early channels like a dot or a stroke direction; deep channels like a part of a digit or a
whole one.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;By depth&lt;/b&gt;: a few channels of every layer, then one image per class: edges and dots →
strokes and corners → parts of digits → whole digits.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;How abstract?&lt;/b&gt;: the claim as a number. For each channel, how many of its top 9 images show
the same digit, averaged over the layer: it rises with depth, far more than for the untrained
network.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Where it looks&lt;/b&gt;: tick the saliency box: how much each pixel changes the score of the
answer.&lt;/li&gt;
&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;층이 깊어질수록 더 추상적인 정보를 추출한다&lt;/h3&gt;
&lt;p&gt;강의는 AlexNet의 8층으로 끝납니다: 첫 번째 층의 필터는 에지와 블롭에, 그다음 층은 텍스처와 부분에, 마지막 층은 사물 전체에 반응합니다. DeepConvNet (책 8장의 신경망: 3×3 합성곱 여섯, 풀링 셋, Affine 계층 둘)으로 이것을 숫자에서 직접 확인할 수 있습니다.&lt;/p&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;특징 맵&lt;/b&gt;: 그린 숫자에 대해 계층의 모든 채널이 계산한 것. 픽셀을 누르면 입력 위의 청록 사각형이 그 뉴런이 볼 수 있는 전부(수용 영역: conv1 … conv6에서 3, 5, 10, 14, 24, 32 픽셀)이고, 초록 사각형은 그 아래 계층의 뉴런들이 보는 곳입니다.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;오른쪽&lt;/b&gt;: 채널이 가장 강하게 반응하는 시험 이미지 9장과 가장 좋아하는 입력. 앞쪽 채널은 점이나 획의 방향을, 깊은 채널은 숫자의 일부나 숫자 전체를 좋아합니다.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;깊이별&lt;/b&gt;: 계층마다 채널 몇 개, 마지막에 클래스마다 이미지 하나: 에지와 점 → 획과 모서리 → 숫자의 일부 → 숫자 전체.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;얼마나 추상적인가?&lt;/b&gt;: 이 주장을 수로 나타낸 것. 채널마다 상위 9장 중 같은 숫자가 몇 장인지를 계층에 대해 평균하면 깊이에 따라 커지고, 학습 전 신경망보다 훨씬 크게 커집니다.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;어디를 보는지&lt;/b&gt;: 돌출 맵 상자를 켜면 각 픽셀이 답의 점수를 얼마나 바꾸는지 보입니다.&lt;/li&gt;
&lt;/ul&gt;</translation>
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
        <source>Load SimpleConvNet weights (.npz, or the book&apos;s params.pkl)</source>
        <translation>SimpleConvNet 가중치 불러오기 (.npz 또는 책의 params.pkl)</translation>
    </message>
    <message>
        <source>&amp;Save weights…</source>
        <translation>가중치 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the current network&apos;s weights as .npz</source>
        <translation>현재 신경망의 가중치를 .npz로 저장</translation>
    </message>
    <message>
        <source>Choose MNIST &amp;folder…</source>
        <translation>MNIST 폴더 선택(&amp;F)…</translation>
    </message>
    <message>
        <source>Use MNIST (or another IDX dataset) from a folder on this computer</source>
        <translation>이 컴퓨터의 폴더에 있는 MNIST(또는 다른 IDX 데이터셋)를 사용합니다</translation>
    </message>
    <message>
        <source>&amp;Download MNIST…</source>
        <translation>MNIST 내려받기(&amp;D)…</translation>
    </message>
    <message>
        <source>Download the four MNIST files (about 11 MB) into your cache folder</source>
        <translation>MNIST 파일 네 개(약 11MB)를 캐시 폴더로 내려받습니다</translation>
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
        <source>Guided &amp;tour</source>
        <translation>둘러보기(&amp;T)</translation>
    </message>
    <message>
        <source>The lecture step by step, each step opening the right panel</source>
        <translation>강의를 한 단계씩: 단계마다 알맞은 패널이 열립니다</translation>
    </message>
    <message>
        <source>&amp;About DLFS Explorer</source>
        <translation>DLFS Explorer 정보(&amp;A)</translation>
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
        <source>Save weights</source>
        <translation>가중치 저장</translation>
    </message>
    <message>
        <source>Loaded weights from %1</source>
        <translation>%1에서 가중치를 불러왔습니다</translation>
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
        <source>Training Studio: start / stop</source>
        <translation>학습 스튜디오: 시작 / 멈춤</translation>
    </message>
    <message>
        <source>Guided tour</source>
        <translation>둘러보기</translation>
    </message>
    <message>
        <source>Guided tour: the next / the previous step</source>
        <translation>둘러보기: 다음 / 이전 단계</translation>
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
        <source>&lt;h3&gt;DLFS Explorer&lt;/h3&gt;&lt;p&gt;See and poke chapters 6 and 7 of &lt;i&gt;Deep Learning from Scratch&lt;/i&gt; (Saito Koki; Korean edition 밑바닥부터 시작하는 딥러닝): parameter updates and convolutional networks.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Credits&lt;/b&gt;&lt;br&gt;The book: Saito Koki, &lt;i&gt;Deep Learning from Scratch&lt;/i&gt; (O&apos;Reilly Japan; Hanbit Media).&lt;br&gt;MNIST: Y. LeCun, C. Cortes, C. J. C. Burges, CC BY-SA 3.0.&lt;br&gt;Built with NumPy, Qt for Python (PySide6), pyqtgraph, pooch and platformdirs.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;DLFS Explorer&lt;/h3&gt;&lt;p&gt;&lt;i&gt;밑바닥부터 시작하는 딥러닝&lt;/i&gt;(사이토 고키) 6장과 7장을 직접 보고 만져 보는 프로그램입니다: 매개변수 갱신과 합성곱 신경망.&lt;/p&gt;&lt;p&gt;&lt;b&gt;만든 데 도움을 준 것들&lt;/b&gt;&lt;br&gt;책: 사이토 고키, &lt;i&gt;밑바닥부터 시작하는 딥러닝&lt;/i&gt; (한빛미디어; 원서 O&apos;Reilly Japan).&lt;br&gt;MNIST: Y. LeCun, C. Cortes, C. J. C. Burges, CC BY-SA 3.0.&lt;br&gt;NumPy, Qt for Python (PySide6), pyqtgraph, pooch, platformdirs로 만들었습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About DLFS Explorer</source>
        <translation>DLFS Explorer 정보</translation>
    </message>
    <message>
        <source>Settings will not be kept: %1</source>
        <translation>설정이 저장되지 않습니다: %1</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>설정을 저장하지 못했습니다</translation>
    </message>
    <message>
        <source>The settings (window, language, drawing, folders) could not be written to %1. They will be the defaults next time; check that the folder exists and the disk is not full.</source>
        <translation>설정(창, 언어, 그림, 폴더)을 %1에 쓰지 못했습니다. 다음 실행 때는 기본값이 쓰입니다. 폴더가 있는지, 디스크가 가득 차지 않았는지 확인하세요.</translation>
    </message>
</context>
<context>
    <name>MapsPage</name>
    <message>
        <source>Every channel of the selected layer for this input (brighter = stronger). Click a pixel to select that unit: its receptive field appears on the input.</source>
        <translation>이 입력에 대한 선택한 계층의 모든 채널 (밝을수록 강함). 픽셀을 누르면 그 뉴런이 선택되고 입력 위에 수용 영역이 나타납니다.</translation>
    </message>
    <message>
        <source>sees %1×%1</source>
        <translation>보는 영역 %1×%1</translation>
    </message>
    <message>
        <source>sees all</source>
        <translation>보는 영역: 전체</translation>
    </message>
    <message>
        <source>%1: output %2 per image; each unit sees %3 of the input</source>
        <translation>%1: 이미지당 출력 %2, 각 뉴런이 보는 입력: %3</translation>
    </message>
    <message>
        <source>a %1×%1 pixel window</source>
        <translation>%1×%1 픽셀 창</translation>
    </message>
    <message>
        <source>all</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Draw a digit in Draw &amp; Classify, or pick a test digit on the left.</source>
        <translation>숫자 그리기와 분류에서 숫자를 그리거나 왼쪽에서 시험 숫자를 고르세요.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 maps of %3×%4 for this input; each unit sees a %5×%5 pixel window of the input.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: 이 입력에 대한 %3×%4 맵 %2개. 각 뉴런은 입력의 %5×%5 픽셀 창을 봅니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 numbers (every unit sees the whole input).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: 값 %2개 (모든 뉴런이 입력 전체를 봄).</translation>
    </message>
    <message>
        <source>Colour: dark %1 … bright %2.</source>
        <translation>색: 어두움 %1 … 밝음 %2.</translation>
    </message>
    <message>
        <source>Class %1: score %2 (click another number)</source>
        <translation>클래스 %1: 점수 %2 (다른 값을 눌러 보세요)</translation>
    </message>
    <message>
        <source>Unit %1: %2 (click another number)</source>
        <translation>뉴런 %1: %2 (다른 값을 눌러 보세요)</translation>
    </message>
    <message>
        <source>Click a pixel of a map to trace its receptive field.</source>
        <translation>맵의 픽셀을 누르면 수용 영역을 따라가 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Unit (%1, %2) of channel %3 sees input rows %4–%5, columns %6–%7 (cyan).</source>
        <translation>채널 %3, 뉴런 (%1, %2): 입력의 %4–%5행, %6–%7열을 봅니다 (청록).</translation>
    </message>
    <message numerus="yes">
        <source>It is computed from %n unit(s) of %1 (green: what each of them sees).</source>
        <translation>
            <numerusform>%1의 뉴런 %n개로 계산됩니다 (초록: 그 각각이 보는 곳).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <source>&apos;%1&apos; is not a number; the cell keeps its value.</source>
        <translation>&apos;%1&apos;은(는) 숫자가 아닙니다. 칸의 값은 그대로입니다.</translation>
    </message>
    <message>
        <source>Cannot paste: %1</source>
        <translation>붙여 넣을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot paste: a %1×%2 block does not fit at row %3, column %4 of this %5×%6 grid.</source>
        <translation>붙여 넣을 수 없습니다: %1×%2 블록은 이 %5×%6 격자의 %3행 %4열에 들어가지 않습니다.</translation>
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
    <name>OptimizerPanel</name>
    <message>
        <source>Book: f(x, y) = x²/20 + y²</source>
        <translation>책의 함수: f(x, y) = x²/20 + y²</translation>
    </message>
    <message>
        <source>Rosenbrock</source>
        <translation>로젠브록 함수</translation>
    </message>
    <message>
        <source>Beale</source>
        <translation>빌 함수</translation>
    </message>
    <message>
        <source>Himmelblau (four minima)</source>
        <translation>힘멜블라우 함수 (최솟값 4개)</translation>
    </message>
    <message>
        <source>Saddle: x² − y²</source>
        <translation>안장점: x² − y²</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>부스 함수</translation>
    </message>
    <message>
        <source>Your own function…</source>
        <translation>직접 입력한 함수…</translation>
    </message>
    <message>
        <source>The loss surface the optimizers walk on</source>
        <translation>갱신 방법들이 걸어갈 손실 함수</translation>
    </message>
    <message>
        <source>Type f(x, y), e.g. x**2/20 + y**2 or sin(x)*cos(y)</source>
        <translation>f(x, y)를 입력하세요. 예: x**2/20 + y**2, sin(x)*cos(y)</translation>
    </message>
    <message>
        <source>Numbers, x, y, + − * / ** (or ^) and sin cos tan exp log sqrt abs tanh</source>
        <translation>숫자, x, y, + − * / ** (또는 ^), sin cos tan exp log sqrt abs tanh를 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>Use formula</source>
        <translation>이 식 사용</translation>
    </message>
    <message>
        <source>Updates per second (up to 60)</source>
        <translation>초당 갱신 횟수 (최대 60)</translation>
    </message>
    <message>
        <source>Updates</source>
        <translation>갱신 횟수</translation>
    </message>
    <message>
        <source>How many updates each optimizer makes</source>
        <translation>각 갱신 방법이 갱신할 횟수</translation>
    </message>
    <message>
        <source>Noise σ</source>
        <translation>잡음 σ</translation>
    </message>
    <message>
        <source>Trails</source>
        <translation>경로 표시</translation>
    </message>
    <message>
        <source>Draw the whole path, not only the current position</source>
        <translation>현재 위치뿐 아니라 지나온 경로 전체를 그립니다</translation>
    </message>
    <message>
        <source>Book&apos;s figure</source>
        <translation>책의 그림</translation>
    </message>
    <message>
        <source>Start (−7, 2), 30 updates, SGD η=0.95, Momentum η=0.1, AdaGrad η=1.5, Adam η=0.3</source>
        <translation>시작점 (−7, 2), 30번 갱신, SGD η=0.95, 모멘텀 η=0.1, AdaGrad η=1.5, Adam η=0.3</translation>
    </message>
    <message>
        <source>Overlaid</source>
        <translation>겹쳐 보기</translation>
    </message>
    <message>
        <source>One plot each (as in the book)</source>
        <translation>각각 따로 (책처럼)</translation>
    </message>
    <message>
        <source>All paths on one plot, or the book&apos;s grid of plots</source>
        <translation>모든 경로를 한 그림에, 또는 책처럼 각각의 그림에</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Save the figure (PNG, SVG) or the animation (GIF)</source>
        <translation>그림(PNG, SVG)이나 애니메이션(GIF)으로 저장</translation>
    </message>
    <message>
        <source>Loss f(x, y) per update</source>
        <translation>갱신마다의 손실 f(x, y)</translation>
    </message>
    <message>
        <source>Click (or drag the cross) to choose the start point</source>
        <translation>클릭하거나 십자 표시를 끌어서 시작점을 고르세요</translation>
    </message>
    <message>
        <source>Update %1 of %2</source>
        <translation>갱신 %1 / %2</translation>
    </message>
    <message>
        <source>Gaussian noise added to every gradient, as a mini-batch&apos;s gradient scatters around the true one (0: exact gradients). Every optimizer gets the same noise. SGD&apos;s steps follow every noisy gradient; Momentum and Adam average the gradients of several steps; AdaGrad&apos;s steps shrink as they go.</source>
        <translation>모든 기울기에 더하는 가우스 잡음. 미니배치의 기울기가 참 기울기 주위에 흩어지는 것과 같습니다 (0: 정확한 기울기). 모든 최적화 기법이 같은 잡음을 받습니다. SGD는 잡음 섞인 기울기를 그대로 따라가고, 모멘텀과 Adam은 여러 단계의 기울기를 평균 내며, AdaGrad는 갈수록 보폭이 줄어듭니다.</translation>
    </message>
    <message>
        <source>%1 at update %2</source>
        <translation>%2번째 갱신의 %1</translation>
    </message>
    <message>
        <source>Switch %1 on to see its state.</source>
        <translation>%1을(를) 켜면 내부 상태를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>At the start (%1, %2); press ▶ or → to update.</source>
        <translation>시작점 (%1, %2). ▶나 →를 누르면 갱신합니다.</translation>
    </message>
    <message>
        <source>Diverged at update %1: the learning rate is too large here.</source>
        <translation>%1번째 갱신에서 발산했습니다: 여기서는 학습률이 너무 큽니다.</translation>
    </message>
    <message>
        <source>Export figure or animation</source>
        <translation>그림이나 애니메이션 내보내기</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;GIF animation (*.gif)</source>
        <translation>PNG 이미지 (*.png);;SVG 그림 (*.svg);;GIF 애니메이션 (*.gif)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>%1(으)로 내보냈습니다</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>OptimizerTable</name>
    <message>
        <source>Learning rate η</source>
        <translation>학습률 η</translation>
    </message>
    <message>
        <source>Momentum α: how much velocity is kept</source>
        <translation>모멘텀 α: 속도를 얼마나 유지하는지</translation>
    </message>
    <message>
        <source>Decay rate ρ of the squared-gradient average</source>
        <translation>기울기 제곱 평균의 감쇠율 ρ</translation>
    </message>
    <message>
        <source>β₁: decay of the gradient average m</source>
        <translation>β₁: 기울기 평균 m의 감쇠율</translation>
    </message>
    <message>
        <source>β₂: decay of the squared-gradient average v</source>
        <translation>β₂: 기울기 제곱 평균 v의 감쇠율</translation>
    </message>
    <message>
        <source>Show %1 on the surface</source>
        <translation>%1을(를) 함수 위에 표시</translation>
    </message>
    <message>
        <source>Show %1&apos;s internal state below</source>
        <translation>%1의 내부 상태를 아래에 표시</translation>
    </message>
    <message>
        <source>%1 diverged at step %2</source>
        <translation>%1: %2번째 갱신에서 발산</translation>
    </message>
</context>
<context>
    <name>OverfitPage</name>
    <message>
        <source>Network 784–100×6–10 (ReLU, He), SGD 0.01, batch 100</source>
        <translation>신경망 784–100×6–10 (ReLU, He), SGD 0.01, 배치 100</translation>
    </message>
    <message>
        <source>Choose one of the book&apos;s runs…</source>
        <translation>책의 실험 고르기…</translation>
    </message>
    <message>
        <source>Overfitting: no regularisation</source>
        <translation>오버피팅: 정규화 없음</translation>
    </message>
    <message>
        <source>Weight decay λ = 0.1</source>
        <translation>가중치 감소 λ = 0.1</translation>
    </message>
    <message>
        <source>Dropout 0.2, 300 epochs</source>
        <translation>드롭아웃 0.2, 300 에폭</translation>
    </message>
    <message>
        <source>The book</source>
        <translation>책</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>훈련 이미지</translation>
    </message>
    <message>
        <source>Weight decay λ</source>
        <translation>가중치 감소 λ</translation>
    </message>
    <message>
        <source>Dropout ratio</source>
        <translation>드롭아웃 비율</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에폭 수</translation>
    </message>
    <message>
        <source>Test images</source>
        <translation>시험 이미지</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>The first images of the training set; the book takes 300 so that the network can learn them by heart</source>
        <translation>훈련 데이터의 앞쪽 이미지들. 책은 신경망이 통째로 외울 수 있도록 300장만 씁니다</translation>
    </message>
    <message>
        <source>λ: the loss gets λ/2·ΣW² added, so large weights cost (0: none)</source>
        <translation>λ: 손실에 λ/2·ΣW²를 더해 큰 가중치에 벌칙을 줍니다 (0: 없음)</translation>
    </message>
    <message>
        <source>The share of hidden units switched off at random in every training step (0: no dropout)</source>
        <translation>훈련 단계마다 무작위로 끄는 은닉 뉴런의 비율 (0: 드롭아웃 없음)</translation>
    </message>
    <message>
        <source>The accuracy curve&apos;s test images (the first ones of the test set); the book measures all 10,000, which takes longer</source>
        <translation>정확도 곡선에 쓰는 시험 이미지 (시험 데이터의 앞쪽부터). 책은 10,000장을 모두 재지만 더 오래 걸립니다</translation>
    </message>
    <message>
        <source>The same seed gives the same initial weights and batches</source>
        <translation>같은 시드는 같은 초깃값과 같은 미니배치를 줍니다</translation>
    </message>
    <message>
        <source>Train</source>
        <comment>the button that starts training (a verb)</comment>
        <translation>학습</translation>
    </message>
    <message>
        <source>train</source>
        <comment>the training images (a curve&apos;s name)</comment>
        <translation>훈련</translation>
    </message>
    <message>
        <source>test</source>
        <comment>the test images (a curve&apos;s name)</comment>
        <translation>시험</translation>
    </message>
    <message>
        <source>Train the network on the few images and watch both accuracies (Ctrl+Return)</source>
        <translation>적은 이미지로 신경망을 학습시키며 두 정확도를 지켜봅니다 (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <source>Stop after the current epoch (Esc)</source>
        <translation>지금 에폭이 끝나면 멈춥니다 (Esc)</translation>
    </message>
    <message>
        <source>Accuracy: training images (solid) and test images (dashed)</source>
        <translation>정확도: 훈련 이미지 (실선)와 시험 이미지 (점선)</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>Press Train: the training accuracy climbs to 100 % while the test accuracy stays behind — overfitting.</source>
        <translation>학습을 누르세요: 훈련 정확도는 100 %까지 오르지만 시험 정확도는 뒤처집니다 — 오버피팅입니다.</translation>
    </message>
    <message>
        <source>previous run</source>
        <translation>이전 실행</translation>
    </message>
    <message>
        <source>Stopped; the curves so far stay.</source>
        <translation>멈췄습니다. 지금까지의 곡선은 남아 있습니다.</translation>
    </message>
    <message>
        <source>Loading MNIST…</source>
        <translation>MNIST를 불러오는 중…</translation>
    </message>
    <message>
        <source>epoch %1 of %2 · train %3 % · test %4 %</source>
        <translation>에폭 %1 / %2 · 훈련 %3 % · 시험 %4 %</translation>
    </message>
    <message>
        <source>Training images: &lt;b&gt;%1 %&lt;/b&gt;, test images: &lt;b&gt;%2 %&lt;/b&gt; — a gap of &lt;b&gt;%3&lt;/b&gt; points.</source>
        <translation>훈련 이미지: &lt;b&gt;%1 %&lt;/b&gt;, 시험 이미지: &lt;b&gt;%2 %&lt;/b&gt; — 차이 &lt;b&gt;%3&lt;/b&gt;%p.</translation>
    </message>
    <message>
        <source>The previous run (λ = %1, dropout %2): a gap of %3 points.</source>
        <translation>이전 실행 (λ = %1, 드롭아웃 %2): 차이 %3%p.</translation>
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
    <message>
        <source>Layer Explorer</source>
        <translation>계층 탐색기</translation>
    </message>
    <message>
        <source>Look inside DeepConvNet layer by layer: feature maps, receptive fields, what each channel responds to, and how abstract each layer is.</source>
        <translation>DeepConvNet을 계층별로 들여다보기: 특징 맵, 수용 영역, 채널마다 반응하는 것, 계층이 얼마나 추상적인지.</translation>
    </message>
</context>
<context>
    <name>PoolPage</name>
    <message>
        <source>Lecture: 2×2 max pooling, stride 2</source>
        <translation>강의: 2×2 최대 풀링, 스트라이드 2</translation>
    </message>
    <message>
        <source>Lecture: robustness to a one-column shift (3×3, stride 3)</source>
        <translation>강의: 한 칸 이동에 강건함 (3×3, 스트라이드 3)</translation>
    </message>
    <message>
        <source>Max pooling</source>
        <translation>최대 풀링</translation>
    </message>
    <message>
        <source>Average pooling</source>
        <translation>평균 풀링</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>스트라이드</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>패딩</translation>
    </message>
    <message>
        <source>Pooling window size (square)</source>
        <translation>풀링 윈도우 크기 (정사각형)</translation>
    </message>
    <message>
        <source>How far the window moves each step (1–4)</source>
        <translation>윈도우가 한 번에 이동하는 칸 수 (1–4)</translation>
    </message>
    <message>
        <source>Zeros added around the input (0–4)</source>
        <translation>입력 둘레에 채우는 0의 폭 (0–4)</translation>
    </message>
    <message>
        <source>Input height</source>
        <translation>입력 높이</translation>
    </message>
    <message>
        <source>Input width</source>
        <translation>입력 너비</translation>
    </message>
    <message>
        <source>Max pooling keeps the largest value of each window; average pooling its mean</source>
        <translation>최대 풀링은 윈도우의 가장 큰 값을, 평균 풀링은 평균을 남깁니다</translation>
    </message>
    <message>
        <source>The lecture&apos;s pooling examples</source>
        <translation>강의의 풀링 예제</translation>
    </message>
    <message>
        <source>Fill the input with random small integers</source>
        <translation>입력을 작은 무작위 정수로 채웁니다</translation>
    </message>
    <message>
        <source>Randomise</source>
        <translation>무작위로 채우기</translation>
    </message>
    <message>
        <source>Input → pooled output</source>
        <translation>입력 → 풀링 출력</translation>
    </message>
    <message>
        <source>The same input shifted right by one column</source>
        <translation>같은 입력을 오른쪽으로 한 칸 이동</translation>
    </message>
    <message>
        <source>the %1×%1 pooling window does not fit in the padded %2×%3 input: no output</source>
        <translation>%1×%1 풀링 윈도우가 패딩된 %2×%3 입력에 들어가지 않습니다: 출력 없음</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>평균</translation>
    </message>
    <message>
        <source>%1(%2) = %3</source>
        <translation>%1(%2) = %3</translation>
    </message>
</context>
<context>
    <name>QuizPage</name>
    <message>
        <source>Check</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Check your answer (Enter)</source>
        <translation>답 확인 (Enter)</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>다음 문제</translation>
    </message>
    <message>
        <source>The lecture&apos;s three exercises come first, then random ones</source>
        <translation>강의의 연습 문제 세 개가 먼저 나오고, 그다음은 무작위 문제입니다</translation>
    </message>
    <message>
        <source>Your answer for the output height</source>
        <translation>출력 높이에 대한 답</translation>
    </message>
    <message>
        <source>Your answer for the output width</source>
        <translation>출력 너비에 대한 답</translation>
    </message>
    <message>
        <source>Question %1: input (H, W) = (%2, %3), padding P = %4, stride S = %5, filter (FH, FW) = (%6, %7).&lt;br&gt;What is the output size (OH, OW)?</source>
        <translation>문제 %1: 입력 (H, W) = (%2, %3), 패딩 P = %4, 스트라이드 S = %5, 필터 (FH, FW) = (%6, %7).&lt;br&gt;출력 크기 (OH, OW)는?</translation>
    </message>
    <message>
        <source>OH = (H + 2P − FH)/S + 1 = (%1 + 2·%2 − %3)/%4 + 1 = %5; OW = (W + 2P − FW)/S + 1 = (%6 + 2·%2 − %7)/%4 + 1 = %8</source>
        <translation>OH = (H + 2P − FH)/S + 1 = (%1 + 2·%2 − %3)/%4 + 1 = %5; OW = (W + 2P − FW)/S + 1 = (%6 + 2·%2 − %7)/%4 + 1 = %8</translation>
    </message>
    <message>
        <source>Right!</source>
        <translation>정답!</translation>
    </message>
    <message>
        <source>Not quite.</source>
        <translation>아쉽네요.</translation>
    </message>
    <message>
        <source>Score: %1 of %2</source>
        <translation>점수: %2문제 중 %1개</translation>
    </message>
</context>
<context>
    <name>RacePage</name>
    <message>
        <source>5-layer network 784–100–100–100–100–10, batch 128</source>
        <translation>5층 신경망 784–100–100–100–100–10, 배치 128</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>반복 횟수</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Mini-batches of 128 images; the book runs 2,000</source>
        <translation>이미지 128장의 미니배치 수; 책은 2,000번 반복합니다</translation>
    </message>
    <message>
        <source>The same seed gives the same initial weights and batches</source>
        <translation>같은 시드는 같은 초깃값과 같은 미니배치를 줍니다</translation>
    </message>
    <message>
        <source>Learning rate of %1</source>
        <translation>%1의 학습률</translation>
    </message>
    <message>
        <source>Race</source>
        <translation>경주</translation>
    </message>
    <message>
        <source>Train one network per ticked optimizer on the same batches (Ctrl+Return)</source>
        <translation>고른 최적화 기법마다 신경망 하나를 같은 미니배치로 학습합니다 (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <source>Stop after the current iteration (Esc)</source>
        <translation>지금 반복이 끝나면 멈춥니다 (Esc)</translation>
    </message>
    <message>
        <source>Loss (smoothed as in the book)</source>
        <translation>손실 (책처럼 매끄럽게)</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>Accuracy on 1,000 test images</source>
        <translation>시험 이미지 1,000장에서의 정확도</translation>
    </message>
    <message>
        <source>Press Race to start.</source>
        <translation>경주를 눌러 시작하세요.</translation>
    </message>
    <message>
        <source>Tick at least one optimizer.</source>
        <translation>최적화 기법을 하나 이상 고르세요.</translation>
    </message>
    <message>
        <source>Stopped; the curves so far stay.</source>
        <translation>멈췄습니다. 지금까지의 곡선은 남아 있습니다.</translation>
    </message>
    <message>
        <source>Loading MNIST…</source>
        <translation>MNIST를 불러오는 중…</translation>
    </message>
    <message>
        <source>iteration %1 of %2</source>
        <translation>반복 %1/%2</translation>
    </message>
    <message>
        <source>After %1 iterations, on 1,000 test images:</source>
        <translation>%1번 반복한 뒤, 시험 이미지 1,000장에서:</translation>
    </message>
    <message>
        <source>%1 diverged at iteration %2: lower its learning rate.</source>
        <translation>%1은(는) %2번째 반복에서 발산했습니다: 학습률을 낮추세요.</translation>
    </message>
</context>
<context>
    <name>RunControls</name>
    <message>
        <source>%1 left</source>
        <translation>%1 남음</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>784–100×6–10, SGD, 400 training and 100 validation images</source>
        <translation>784–100×6–10, SGD, 훈련 이미지 400장과 검증 이미지 100장</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>시도 횟수</translation>
    </message>
    <message>
        <source>Epochs per trial</source>
        <translation>시도마다 에폭 수</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Each trial draws a learning rate between 10⁻⁶ and 10⁻² and a weight decay between 10⁻⁸ and 10⁻⁴ at random (uniform in their logarithm)</source>
        <translation>시도마다 학습률을 10⁻⁶~10⁻², 가중치 감소를 10⁻⁸~10⁻⁴ 범위에서 무작위로 고릅니다 (로그 스케일에서 균등)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>탐색</translation>
    </message>
    <message>
        <source>Train one network per trial and score it on the validation images (Ctrl+Return)</source>
        <translation>시도마다 신경망을 학습시키고 검증 이미지로 평가합니다 (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <source>Stop after the current trial (Esc)</source>
        <translation>지금 시도가 끝나면 멈춥니다 (Esc)</translation>
    </message>
    <message>
        <source>Trials</source>
        <comment>the plot&apos;s title: one dot per trial</comment>
        <translation>시도</translation>
    </message>
    <message>
        <source>One dot per trial, coloured by its validation accuracy (scale on the right)</source>
        <translation>시도마다 점 하나, 색은 검증 정확도 (오른쪽 눈금)</translation>
    </message>
    <message>
        <source>The best five</source>
        <translation>가장 좋은 다섯</translation>
    </message>
    <message>
        <source>Validation accuracy after every epoch of the five best trials</source>
        <translation>가장 좋은 다섯 시도의 에폭별 검증 정확도</translation>
    </message>
    <message>
        <source>log₁₀ learning rate</source>
        <translation>log₁₀ 학습률</translation>
    </message>
    <message>
        <source>log₁₀ weight decay</source>
        <translation>log₁₀ 가중치 감소</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>Press Search: the good learning rates show up as a band; then narrow the ranges around it, as the book suggests.</source>
        <translation>탐색을 누르세요: 좋은 학습률이 띠 모양으로 드러납니다. 책의 제안처럼 그 주변으로 범위를 좁혀 가세요.</translation>
    </message>
    <message>
        <source>Stopped; the trials so far stay.</source>
        <translation>멈췄습니다. 지금까지의 시도는 남아 있습니다.</translation>
    </message>
    <message>
        <source>Loading MNIST…</source>
        <translation>MNIST를 불러오는 중…</translation>
    </message>
    <message>
        <source>trial %1 of %2 · lr %3, weight decay %4 · validation %5 %</source>
        <translation>시도 %1 / %2 · 학습률 %3, 가중치 감소 %4 · 검증 %5 %</translation>
    </message>
    <message>
        <source>Best so far (validation accuracy, learning rate, weight decay):</source>
        <translation>지금까지 가장 좋은 시도 (검증 정확도, 학습률, 가중치 감소):</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
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
</context>
<context>
    <name>StepControls</name>
    <message>
        <source>First step (Home)</source>
        <translation>첫 단계 (Home)</translation>
    </message>
    <message>
        <source>Previous step (←)</source>
        <translation>이전 단계 (←)</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>재생 / 일시 정지 (Space)</translation>
    </message>
    <message>
        <source>Next step (→)</source>
        <translation>다음 단계 (→)</translation>
    </message>
    <message>
        <source>Last step (End)</source>
        <translation>마지막 단계 (End)</translation>
    </message>
    <message>
        <source>Steps per second while playing</source>
        <translation>재생할 때 초당 단계 수</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>단계 %1 / %2</translation>
    </message>
</context>
<context>
    <name>Tour</name>
    <message>
        <source>The blindfolded adventurer</source>
        <translation>눈 가린 모험가</translation>
    </message>
    <message>
        <source>Training looks for the lowest point of the loss, like an adventurer searching for the deepest valley blindfolded: all they can feel is the slope under their feet — the gradient. Here the land is f(x, y) = x²/20 + y², stretched along x; the adventurer starts at (−7, 2). Press → to take one step.</source>
        <translation>학습은 손실이 가장 낮은 곳을 찾는 일입니다. 눈을 가린 채 가장 깊은 골짜기를 찾는 모험가와 같습니다: 느낄 수 있는 것은 발밑의 경사, 곧 기울기(gradient)뿐입니다. 여기서 땅은 x 방향으로 길게 늘어난 f(x, y) = x²/20 + y²이고, 모험가는 (−7, 2)에서 출발합니다. → 를 눌러 한 걸음 내디뎌 보세요.</translation>
    </message>
    <message>
        <source>SGD zig-zags</source>
        <translation>SGD의 지그재그</translation>
    </message>
    <message>
        <source>Momentum rolls like a ball</source>
        <translation>모멘텀: 공처럼 구르기</translation>
    </message>
    <message>
        <source>Momentum keeps a velocity v ← αv − η·∂L/∂W and moves by it, like a ball rolling in the bowl: the back-and-forth along y cancels out, the steady pull along x adds up. Compare its path with SGD&apos;s.</source>
        <translation>모멘텀은 속도 v ← αv − η·∂L/∂W를 기억하고 그만큼 움직입니다. 그릇 안을 구르는 공처럼 y 방향의 왔다 갔다는 서로 상쇄되고, x 방향의 꾸준한 당김은 쌓입니다. SGD의 경로와 비교해 보세요.</translation>
    </message>
    <message>
        <source>AdaGrad: a learning rate per parameter</source>
        <translation>AdaGrad: 매개변수마다 다른 학습률</translation>
    </message>
    <message>
        <source>AdaGrad adds up the squared gradients, h ← h + (∂L/∂W)², and divides each step by √h: a parameter that has moved a lot (y) gets smaller steps. The zig-zag dies out at once.</source>
        <translation>AdaGrad는 기울기의 제곱을 더해 가며 (h ← h + (∂L/∂W)²) 각 걸음을 √h로 나눕니다: 많이 움직인 매개변수(y)일수록 걸음이 작아집니다. 지그재그가 곧바로 사라집니다.</translation>
    </message>
    <message>
        <source>Adam: both ideas together</source>
        <translation>Adam: 두 아이디어를 함께</translation>
    </message>
    <message>
        <source>Adam keeps a momentum-like average of the gradients and an AdaGrad-like average of their squares, with a correction for the first steps. Here are the book&apos;s four side by side; choose any optimizer&apos;s row to see its state, or change its learning rate.</source>
        <translation>Adam은 기울기의 모멘텀 같은 평균과 기울기 제곱의 AdaGrad 같은 평균을 함께 쓰고, 처음 몇 걸음을 위한 보정을 더합니다. 책의 네 기법을 나란히 보여 줍니다. 어떤 기법의 행을 골라 상태를 보거나 학습률을 바꿔 보세요.</translation>
    </message>
    <message>
        <source>With noisy gradients</source>
        <translation>잡음이 섞인 기울기</translation>
    </message>
    <message>
        <source>A mini-batch only estimates the gradient. Here noise σ = 2 is added to every gradient: SGD&apos;s path scatters across the valley with every noisy gradient. Adam, which steps by an average of many gradients, stays smooth and close to its noise-free course; Momentum&apos;s path is smooth too, though the noise pushes it off course. Compare with the step before.</source>
        <translation>미니배치는 기울기를 어림할 뿐입니다. 여기서는 모든 기울기에 잡음 σ = 2를 더했습니다: SGD의 경로는 잡음 섞인 기울기마다 골짜기 여기저기로 흩어집니다. 여러 기울기의 평균으로 움직이는 Adam은 매끄럽게 잡음 없을 때의 경로 가까이에 머뭅니다. 모멘텀의 경로도 매끄럽지만 잡음에 밀려 경로를 벗어납니다. 앞 단계와 비교해 보세요.</translation>
    </message>
    <message>
        <source>The race on MNIST</source>
        <translation>MNIST 위의 경주</translation>
    </message>
    <message>
        <source>SGD steps straight down the slope: W ← W − η·∂L/∂W. But the slope points mostly along y, where the valley is steep, not towards the minimum at (0, 0): the path zig-zags from one side of the valley to the other instead of heading for the minimum. The numbers of every update are on the right.</source>
        <translation>SGD는 기울기를 따라 곧장 내려갑니다: W ← W − η·∂L/∂W. 그런데 기울기는 최솟값 (0, 0)이 아니라 주로 골짜기가 가파른 y 방향을 가리킵니다: 경로는 최솟값으로 곧장 가지 못하고 골짜기의 이쪽과 저쪽을 지그재그로 오갑니다. 갱신마다의 숫자가 오른쪽에 있습니다.</translation>
    </message>
    <message>
        <source>The same four optimizers train one 5-layer network each on MNIST, on the same batches (the book&apos;s optimizer_compare_mnist.py). Press Race and watch the losses: on real data, too, SGD is the slowest.</source>
        <translation>같은 네 기법이 MNIST에서 각자 5층 신경망을 같은 배치로 학습합니다 (책의 optimizer_compare_mnist.py). 경주를 누르고 손실을 지켜보세요: 실제 데이터에서도 SGD가 가장 느립니다.</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>합성곱</translation>
    </message>
    <message>
        <source>A convolution slides the filter over the input; at each window it multiplies the overlapping numbers and adds them up (a multiply-accumulate). The lecture&apos;s 4×4 input and 3×3 filter: press → to move the window, or click an output cell.</source>
        <translation>합성곱은 필터를 입력 위로 밀어 가며, 창마다 겹치는 수를 곱해 모두 더합니다 (곱셈-누산). 강의의 4×4 입력과 3×3 필터입니다: → 를 눌러 창을 옮기거나 출력 칸을 클릭하세요.</translation>
    </message>
    <message>
        <source>The bias</source>
        <translation>편향</translation>
    </message>
    <message>
        <source>After the multiply-accumulate one number, the filter&apos;s bias, is added to every output cell.</source>
        <translation>곱셈-누산 뒤에 필터의 편향 하나를 모든 출력 칸에 더합니다.</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>패딩</translation>
    </message>
    <message>
        <source>Padding surrounds the input with zeros, so the output keeps its size: with P = 1 the 4×4 input gives a 4×4 output. The output size is OH = (H + 2P − FH)/S + 1.</source>
        <translation>패딩은 입력 둘레를 0으로 채워 출력 크기를 유지합니다: P = 1이면 4×4 입력에서 4×4 출력이 나옵니다. 출력 크기는 OH = (H + 2P − FH)/S + 1입니다.</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>스트라이드</translation>
    </message>
    <message>
        <source>The stride is how far the window jumps: with S = 2 it skips every other position and the output shrinks. Try sizes where (H + 2P − FH)/S is not a whole number: what is left over is marked in red.</source>
        <translation>스트라이드는 창이 건너뛰는 간격입니다: S = 2이면 한 칸씩 건너뛰어 출력이 작아집니다. (H + 2P − FH)/S가 정수가 아닌 크기도 해 보세요: 남는 부분이 빨간색으로 표시됩니다.</translation>
    </message>
    <message>
        <source>Exercises: the output size</source>
        <translation>연습 문제: 출력 크기</translation>
    </message>
    <message>
        <source>Work out OH and OW for the given H, W, FH, FW, P and S, then check your answer. A new question comes with every check.</source>
        <translation>주어진 H, W, FH, FW, P, S로 OH와 OW를 구한 다음 답을 확인하세요. 확인할 때마다 새 문제가 나옵니다.</translation>
    </message>
    <message>
        <source>Channels: 3-D data</source>
        <translation>채널: 3차원 데이터</translation>
    </message>
    <message>
        <source>An image has channels (an RGB photo three). The filter has as many channels as the input; each channel is convolved with its own slice and the results are summed into one map — one output per filter, plus its bias.</source>
        <translation>이미지에는 채널이 있습니다 (RGB 사진은 3개). 필터도 입력과 같은 수의 채널을 가지며, 채널마다 자기 조각과 합성곱한 결과를 더해 맵 하나를 만듭니다: 필터 하나에 출력 하나, 그리고 그 편향.</translation>
    </message>
    <message>
        <source>Many filters, a batch</source>
        <translation>여러 필터, 배치</translation>
    </message>
    <message>
        <source>FN filters give FN output channels; a batch of N images gives N outputs: (N, C, H, W) ⊛ (FN, C, FH, FW) → (N, FN, OH, OW). The network processes data as these 4-D blocks.</source>
        <translation>필터 FN개는 출력 채널 FN개를, 이미지 N장의 배치는 출력 N개를 만듭니다: (N, C, H, W) ⊛ (FN, C, FH, FW) → (N, FN, OH, OW). 신경망은 데이터를 이런 4차원 블록으로 처리합니다.</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>풀링</translation>
    </message>
    <message>
        <source>Max pooling keeps the largest number of each window (average pooling their mean). It has nothing to learn and works on each channel by itself. On the right, the same input shifted one column: press → to pool window by window and compare the two outputs — most numbers stay the same.</source>
        <translation>최대 풀링은 창마다 가장 큰 수를 남깁니다 (평균 풀링은 평균). 학습할 매개변수가 없고 채널마다 따로 작동합니다. 오른쪽은 같은 입력을 한 열 민 것입니다: → 를 눌러 창마다 풀링하며 두 출력을 비교해 보세요. 대부분의 수가 그대로입니다.</translation>
    </message>
    <message>
        <source>im2col</source>
        <translation>im2col</translation>
    </message>
    <message>
        <source>im2col lays every window out as one row of a matrix; the filters become columns; the whole convolution is then a single matrix product, which is fast. Click a row to see its window.</source>
        <translation>im2col은 모든 창을 행렬의 한 행으로 펼치고 필터를 열로 만듭니다. 그러면 합성곱 전체가 행렬 곱 한 번이 되어 빠릅니다. 행을 클릭하면 그 창이 보입니다.</translation>
    </message>
    <message>
        <source>Backward and col2im</source>
        <translation>역전파와 col2im</translation>
    </message>
    <message>
        <source>Backpropagation runs the product the other way: dW from the windows and the output&apos;s gradient, dx spread back onto the input. col2im adds each row back where its window came from, so cells that several windows share collect several contributions.</source>
        <translation>역전파는 곱을 거꾸로 계산합니다: 창과 출력의 기울기로 dW를, 입력으로 되돌려 퍼뜨린 dx를. col2im은 각 행을 그 창이 온 자리로 더해 돌려놓으므로, 여러 창이 함께 쓰는 칸은 여러 기여를 모읍니다.</translation>
    </message>
    <message>
        <source>What the trained filters see</source>
        <translation>학습된 필터가 보는 것</translation>
    </message>
    <message>
        <source>SimpleConvNet&apos;s 30 first-layer filters after training on MNIST: many are edge and stroke detectors. Click a channel to see the filter, its response to the digit, and the test patches it likes most.</source>
        <translation>MNIST로 학습한 SimpleConvNet의 첫 층 필터 30개입니다: 많은 필터가 경계와 획을 찾아냅니다. 채널을 클릭하면 필터, 숫자에 대한 응답, 가장 좋아하는 시험 조각이 보입니다.</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>숫자 그리기</translation>
    </message>
    <message>
        <source>Draw a digit with the mouse: SimpleConvNet reads it after every stroke and shows how sure it is, class by class.</source>
        <translation>마우스로 숫자를 그려 보세요: SimpleConvNet이 획마다 읽고 클래스별로 얼마나 확신하는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>Deeper layers</source>
        <translation>더 깊은 층</translation>
    </message>
    <message>
        <source>The book&apos;s chapter 8 DeepConvNet has six convolution layers. Layer by layer, what a channel responds to grows: dots and edges, strokes, parts of digits, whole digits.</source>
        <translation>책 8장의 DeepConvNet에는 합성곱 층이 여섯 개 있습니다. 층을 지날수록 채널이 반응하는 것이 커집니다: 점과 경계, 획, 숫자의 부분, 숫자 전체.</translation>
    </message>
    <message>
        <source>The deeper, the more abstract</source>
        <translation>깊을수록 더 추상적으로</translation>
    </message>
    <message>
        <source>The lecture&apos;s last claim, measured: how often a channel&apos;s nine strongest test images show the same digit, layer by layer. It rises with depth, as in AlexNet&apos;s eight layers.</source>
        <translation>강의의 마지막 주장을 측정한 것입니다: 채널이 가장 강하게 반응하는 시험 이미지 9장이 같은 숫자인 비율을 층마다 보여 줍니다. AlexNet의 8층처럼 깊어질수록 올라갑니다.</translation>
    </message>
    <message>
        <source>Beyond the lecture</source>
        <translation>강의 너머</translation>
    </message>
    <message>
        <source>The rest of chapter 6 is in the Training Studio: weight initialisation, batch normalisation, overfitting, hyperparameter search — and here, SimpleConvNet&apos;s real loss landscape with the four optimizers&apos; paths. The tour ends here; Help › Guided tour opens it again.</source>
        <translation>6장의 나머지는 학습 스튜디오에 있습니다: 가중치 초깃값, 배치 정규화, 오버피팅, 하이퍼파라미터 탐색. 그리고 여기, 네 최적화 기법의 경로를 얹은 SimpleConvNet의 실제 손실 지형. 둘러보기는 여기서 끝납니다. 도움말 › 둘러보기로 다시 열 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>TourBar</name>
    <message>
        <source>Back</source>
        <translation>이전</translation>
    </message>
    <message>
        <source>The step before (Page Up)</source>
        <translation>이전 단계 (Page Up)</translation>
    </message>
    <message>
        <source>The next step (Page Down; a presentation clicker works too)</source>
        <translation>다음 단계 (Page Down. 발표용 리모컨도 됩니다)</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>처음부터</translation>
    </message>
    <message>
        <source>Close the tour (Help › Guided tour opens it again where you left it)</source>
        <translation>둘러보기 닫기 (도움말 › 둘러보기로 멈춘 곳에서 다시 엽니다)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>마침</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>That is about the accuracy of guessing: the network is not learning. The usual cause is a learning rate far too large (every ReLU switched off); try the optimizer&apos;s default.</source>
        <translation>찍기와 비슷한 정확도입니다: 신경망이 학습하지 못하고 있습니다. 흔한 원인은 너무 큰 학습률입니다 (모든 ReLU가 꺼짐). 최적화 기법의 기본값을 써 보세요.</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Optimizer race</source>
        <translation>최적화 기법 경주</translation>
    </message>
    <message>
        <source>Train a CNN</source>
        <translation>CNN 학습</translation>
    </message>
    <message>
        <source>The book&apos;s chapter 7 or chapter 8 network trained on MNIST, its filters before and after</source>
        <translation>책 7장 또는 8장의 신경망을 MNIST로 학습하고 학습 전후의 필터 보기</translation>
    </message>
    <message>
        <source>The book&apos;s chapter 6 comparison: one network per optimizer, same batches</source>
        <translation>책 6장의 비교: 최적화 기법마다 신경망 하나, 같은 미니배치</translation>
    </message>
    <message>
        <source>Weight init</source>
        <translation>가중치 초깃값</translation>
    </message>
    <message>
        <source>Chapter 6.2: how the initial weights shape every layer&apos;s activations, and which ones let a network learn</source>
        <translation>6.2절: 가중치 초깃값이 각 층의 활성화 분포를 어떻게 바꾸는지, 어떤 초깃값이어야 학습되는지</translation>
    </message>
    <message>
        <source>Batch norm</source>
        <translation>배치 정규화</translation>
    </message>
    <message>
        <source>Chapter 6.3: the same network with and without batch normalisation, from 16 initial weight scales</source>
        <translation>6.3절: 같은 신경망을 배치 정규화를 쓰고 안 쓰고, 16가지 초기 가중치 스케일에서</translation>
    </message>
    <message>
        <source>Hyperparameters</source>
        <translation>하이퍼파라미터</translation>
    </message>
    <message>
        <source>Chapter 6.5: a random search for the learning rate and weight decay, scored on validation images</source>
        <translation>6.5절: 학습률과 가중치 감소의 무작위 탐색, 검증 이미지로 평가</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>손실 지형</translation>
    </message>
    <message>
        <source>SimpleConvNet&apos;s loss on a 2-D slice of its 433,890 dimensions, with the paths of SGD, Momentum, AdaGrad and Adam on it</source>
        <translation>SimpleConvNet의 433,890차원 손실을 2차원 단면으로, SGD, Momentum, AdaGrad, Adam의 경로와 함께</translation>
    </message>
    <message>
        <source>Overfitting</source>
        <translation>오버피팅</translation>
    </message>
    <message>
        <source>Chapter 6.4: a deep network learns 300 images by heart; weight decay and dropout close the gap to the test images</source>
        <translation>6.4절: 깊은 신경망이 이미지 300장을 통째로 외웁니다. 가중치 감소와 드롭아웃이 시험 이미지와의 차이를 줄입니다</translation>
    </message>
    <message>
        <source>Download MNIST</source>
        <translation>MNIST 내려받기</translation>
    </message>
    <message>
        <source>Export as script…</source>
        <translation>스크립트로 내보내기…</translation>
    </message>
    <message>
        <source>This tab&apos;s experiment with its current settings as a short Python script on the book&apos;s code, to run outside the app</source>
        <translation>이 탭의 실험을 지금 설정 그대로, 책의 코드를 쓰는 짧은 파이썬 스크립트로 만듭니다. 앱 밖에서 실행할 수 있습니다</translation>
    </message>
    <message>
        <source>Training needs MNIST (about 11 MB), which is not on this computer yet: download it, or choose a folder that holds it with File › Choose MNIST folder…</source>
        <translation>학습에는 MNIST(약 11MB)가 필요한데 아직 이 컴퓨터에 없습니다: 내려받거나, 파일 › MNIST 폴더 선택…으로 MNIST가 있는 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>MNIST is not on this computer yet: download it first.</source>
        <translation>MNIST가 아직 이 컴퓨터에 없습니다: 먼저 내려받으세요.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>멈췄습니다.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>끝났습니다.</translation>
    </message>
    <message>
        <source>Training stopped: %1</source>
        <translation>학습이 멈췄습니다: %1</translation>
    </message>
    <message>
        <source>trained in the Training Studio</source>
        <translation>학습 스튜디오에서 학습한 가중치</translation>
    </message>
    <message>
        <source>Draw &amp; Classify now uses the network trained here.</source>
        <translation>이제 숫자 그리기와 분류가 여기서 학습한 신경망을 사용합니다.</translation>
    </message>
    <message>
        <source>Export as script</source>
        <translation>스크립트로 내보내기</translation>
    </message>
    <message>
        <source>Python script (*.py)</source>
        <translation>파이썬 스크립트 (*.py)</translation>
    </message>
    <message>
        <source>Cannot write the script</source>
        <translation>스크립트를 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>Script written to %1</source>
        <translation>스크립트를 %1에 썼습니다</translation>
    </message>
    <message>
        <source>Keep the trained network?</source>
        <translation>학습한 신경망을 보관할까요?</translation>
    </message>
    <message>
        <source>The network you trained and did not save cannot be kept in %1 (%2). Save it somewhere else?</source>
        <translation>학습하고 저장하지 않은 신경망을 %1에 보관할 수 없습니다 (%2). 다른 곳에 저장할까요?</translation>
    </message>
    <message>
        <source>Save weights</source>
        <translation>가중치 저장</translation>
    </message>
    <message>
        <source>NumPy weights (*.npz)</source>
        <translation>NumPy 가중치 (*.npz)</translation>
    </message>
    <message>
        <source>%1 cannot be written (%2). Choose another place?</source>
        <translation>%1에 쓸 수 없습니다 (%2). 다른 곳을 고를까요?</translation>
    </message>
    <message>
        <source>The network kept from last time could not be read: %1</source>
        <translation>지난번에 남겨 둔 신경망을 읽을 수 없습니다: %1</translation>
    </message>
</context>
</TS>
