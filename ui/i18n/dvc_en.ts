<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>Accounts</name>
    <message>
        <location filename="../../egov/accounts.py" line="+66"/>
        <source>Tên đăng nhập hoặc mật khẩu không đúng. Hãy thử lại.</source>
        <translation>The user name or password is not correct. Please try again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tài khoản tạm khóa vì nhập sai mật khẩu nhiều lần. Hãy thử lại sau 15 phút.</source>
        <translation>This account is locked for now because the password was wrong too many times. Please try again in 15 minutes.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tài khoản đã bị ngừng sử dụng. Hãy liên hệ người quản lý.</source>
        <translation>This account has been switched off. Please contact your manager.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Tên đăng nhập gồm 3–32 chữ cái không dấu, chữ số, dấu chấm, gạch ngang.</source>
        <translation>A user name has 3–32 characters: letters without accents, digits, dots and hyphens.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mật khẩu cần ít nhất 8 ký tự.</source>
        <translation>The password needs at least 8 characters.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hãy chọn vai trò của tài khoản.</source>
        <translation>Please choose a role for the account.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hãy nhập họ tên người dùng.</source>
        <translation>Please enter the user&apos;s full name.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tên đăng nhập này đã có. Hãy chọn tên khác.</source>
        <translation>This user name is already taken. Please choose another one.</translation>
    </message>
    <message>
        <location filename="../../agent_point/session_model.py" line="+95"/>
        <source>Không đăng nhập được do lỗi hệ thống. Hãy thử lại hoặc báo người quản lý.</source>
        <translation>Could not sign in because of a system error. Please try again or tell your manager.</translation>
    </message>
</context>
<context>
    <name>AgentDossiers</name>
    <message>
        <location filename="../qml/pages/AgentDossiers.qml" line="+10"/>
        <source>Danh sách hồ sơ</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 hồ sơ</source>
        <translation>%1 application(s)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hôm nay</source>
        <translation>Today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chờ gửi</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cần xử lý</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quá hạn</source>
        <translation>Late</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Chỉ cán bộ tiếp nhận hoặc người quản lý được gửi lại hồ sơ cần xử lý.</source>
        <translation>Only an agent or a supervisor may send an application that needs attention again.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Không có hồ sơ nào trong mục này.</source>
        <translation>No applications here.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mã hồ sơ</source>
        <translation>Application code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trên cổng</source>
        <translation>At the portal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hẹn trả</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Gửi lại</source>
        <translation>Send again</translation>
    </message>
</context>
<context>
    <name>AgentHome</name>
    <message>
        <location filename="../qml/pages/AgentHome.qml" line="+7"/>
        <source>Hồ sơ tiếp nhận hôm nay</source>
        <translation>Applications received today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cán bộ: %1</source>
        <translation>Officer: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiếp nhận hồ sơ mới</source>
        <translation>Receive a new application</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Đăng xuất</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Danh sách hồ sơ</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In bảng kê cuối ngày</source>
        <translation>Print the end-of-day slip</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Chưa có hồ sơ nào hôm nay.</source>
        <translation>No applications yet today.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Giờ</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mã hồ sơ</source>
        <translation>Application code</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> (ủy quyền: %1)</source>
        <translation> (authorised person: %1)</translation>
    </message>
</context>
<context>
    <name>Camera</name>
    <message>
        <location filename="../../hardware/scanner/camera.py" line="+52"/>
        <source>Không tìm thấy máy ảnh. Vui lòng báo cán bộ hướng dẫn.</source>
        <translation>The camera was not found. Please tell a staff member.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Máy ảnh đang bận. Vui lòng chờ một lát rồi thử lại.</source>
        <translation>The camera is busy. Please wait a moment and try again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Máy ảnh không phản hồi. Vui lòng thử lại hoặc báo cán bộ hướng dẫn.</source>
        <translation>The camera is not responding. Please try again or tell a staff member.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ảnh chụp bị lỗi. Vui lòng chụp lại.</source>
        <translation>The photo did not come out right. Please take it again.</translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <location filename="../qml/pages/Card.qml" line="+16"/>
        <source>Kiểm tra thẻ vừa đọc</source>
        <translation>Check the card just read</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đang đọc thẻ…</source>
        <translation>Reading the card…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đặt thẻ căn cước lên đầu đọc</source>
        <translation>Place the ID card on the reader</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đang tìm mã QR trên thẻ…</source>
        <translation>Looking for the QR code on the card…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>So ảnh trong chip với người đang ngồi trước quầy.</source>
        <translation>Compare the chip&apos;s photo with the person at the desk.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xin giữ yên thẻ trên đầu đọc cho đến khi xong.</source>
        <translation>Please keep the card still on the reader until it is done.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giữ yên mặt trước của thẻ dưới máy ảnh, mã QR hướng lên.</source>
        <translation>Hold the front of the card still under the camera, QR code facing up.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rồi nhập 6 số cuối của số định danh, in ở mặt trước thẻ.</source>
        <translation>Then enter the last 6 digits of the ID number, printed on the front of the card.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đúng người, dùng dữ liệu ›</source>
        <translation>Right person, use the data ›</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đọc thẻ ›</source>
        <translation>Read the card ›</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Máy đang dùng thẻ mô phỏng (không phải thẻ thật): công dân MẪU, 6 số cuối là 000000.</source>
        <translation>This machine uses an emulated card (not a real one): the SAMPLE citizen, last 6 digits 000000.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>✓ Đã thấy thẻ trên đầu đọc.</source>
        <translation>✓ A card is on the reader.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa có thẻ trên đầu đọc.</source>
        <translation>There is no card on the reader yet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚠ Chưa thấy đầu đọc thẻ. Vui lòng báo cán bộ hướng dẫn.</source>
        <translation>⚠ No card reader found. Please tell a staff member.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>⌫ Xóa số</source>
        <translation>⌫ Delete</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Xóa hết</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>hoặc</source>
        <translation>or</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quét mã QR trên thẻ</source>
        <translation>Scan the QR code on the card</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đặt mặt trước của thẻ dưới máy ảnh, mã QR hướng lên.</source>
        <translation>Place the front of the card under the camera, QR code facing up.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Không đúng người, đọc lại</source>
        <translation>Wrong person, read again</translation>
    </message>
    <message>
        <location filename="../../hardware/card/errors.py" line="+29"/>
        <source>Không tìm thấy đầu đọc thẻ. Vui lòng báo cán bộ hướng dẫn.</source>
        <translation>No card reader found. Please tell a staff member.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa có thẻ trên đầu đọc. Vui lòng đặt thẻ căn cước lên đầu đọc.</source>
        <translation>There is no card on the reader. Please place your ID card on the reader.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thẻ đã bị nhấc ra trước khi đọc xong. Vui lòng đặt lại thẻ và giữ yên.</source>
        <translation>The card was lifted before the read finished. Please place it again and keep it still.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đầu đọc thẻ không phản hồi. Vui lòng đặt lại thẻ rồi thử lại.</source>
        <translation>The card reader does not answer. Please place the card again and retry.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thẻ không chấp nhận mã vừa nhập. Vui lòng kiểm tra 6 số cuối của số định danh.</source>
        <translation>The card did not accept that number. Please check the last 6 digits of the ID number.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thẻ đã tạm khóa do nhập sai nhiều lần. Vui lòng nhờ cán bộ hỗ trợ.</source>
        <translation>The card is locked after too many wrong numbers. Please ask a staff member for help.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không đọc được loại thẻ này. Vui lòng dùng thẻ căn cước gắn chip.</source>
        <translation>This kind of card cannot be read. Please use a chip ID card.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đọc thẻ bị lỗi. Vui lòng đặt lại thẻ rồi thử lại.</source>
        <translation>Reading the card failed. Please place the card again and retry.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dữ liệu trong thẻ không khớp chữ ký số. Không dùng được dữ liệu này; vui lòng báo cán bộ.</source>
        <translation>The card&apos;s data does not match its digital signature. It cannot be used; please tell a staff member.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dữ liệu trong thẻ không đọc được. Vui lòng báo cán bộ hướng dẫn.</source>
        <translation>The card&apos;s data cannot be read. Please tell a staff member.</translation>
    </message>
    <message>
        <location filename="../../hardware/card/keys.py" line="+102"/>
        <source>Mã QR này không phải mã trên thẻ căn cước. Vui lòng quét mã QR ở mặt trước thẻ.</source>
        <translation>This QR code is not the one on an ID card. Please scan the QR code on the front of the card.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không đọc được thông tin trong mã QR của thẻ. Vui lòng quét lại hoặc nhập số định danh.</source>
        <translation>The card&apos;s QR code could not be read. Please scan again or enter the ID number.</translation>
    </message>
    <message>
        <location filename="../visit_model.py" line="+311"/>
        <source>đạt</source>
        <translation>passed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KHÔNG ĐẠT</source>
        <translation>FAILED</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>chưa kiểm tra được (chưa cài chứng thư gốc CSCA)</source>
        <translation>not checked (no CSCA root certificate installed)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dữ liệu khớp chữ ký số trong thẻ</source>
        <translation>Data match the card&apos;s digital signature</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chữ ký của cơ quan cấp thẻ</source>
        <translation>Signature of the issuing authority</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chuỗi chứng thư đến CSCA Việt Nam</source>
        <translation>Certificate chain to Vietnam&apos;s CSCA</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Số định danh và ngày sinh khớp giữa DG1 và DG13</source>
        <translation>ID number and birth date agree between DG1 and DG13</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Vui lòng nhập đủ 6 chữ số cuối của số định danh.</source>
        <translation>Please enter all 6 last digits of the ID number.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Thẻ cho phép thử thêm %1 lần.</source>
        <translation>The card allows %1 more tries.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>✓ Đã đọc mã QR trên thẻ của %1.</source>
        <translation>✓ Read the QR code on the card of %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mã QR vừa quét không phải mã trên thẻ căn cước. Hãy đặt mặt trước của thẻ dưới máy ảnh, mã QR hướng lên, rồi bấm quét lại.</source>
        <translation>The QR code just scanned is not an ID card&apos;s. Place the front of the card under the camera, QR code facing up, then scan again.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chưa thấy mã QR. Đặt mặt trước của thẻ dưới máy ảnh, mã QR hướng lên, giữ yên rồi bấm quét lại; hoặc nhập 6 số cuối của số định danh.</source>
        <translation>No QR code seen yet. Place the front of the card under the camera, QR code facing up, hold it still and scan again; or enter the last 6 digits of the ID number.</translation>
    </message>
</context>
<context>
    <name>Cases</name>
    <message>
        <location filename="../../agent_point/session_model.py" line="-68"/>
        <source>Đã in bảng kê cuối ngày.</source>
        <translation>The end-of-day slip has been printed.</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <location filename="../qml/pages/Check.qml" line="+7"/>
        <source>Kiểm tra lại trước khi nộp</source>
        <translation>Check everything before you submit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nếu có thông tin chưa đúng, bấm “Sửa” ở dòng đó.</source>
        <translation>If something is not right, press “Edit” on that line.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thông tin đã đúng ›</source>
        <translation>Everything is correct ›</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Sửa</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../egov/visit.py" line="+317"/>
        <source>Người nộp hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Người được ủy quyền</source>
        <translation>Authorised person</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Số định danh</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tên thủ tục</source>
        <translation>Procedure name</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lệ phí</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tờ khai</source>
        <translation>Application form</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Giấy tờ</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{n} trang</source>
        <translation>{n} page(s)</translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <location filename="../qml/pages/Consent.qml" line="+7"/>
        <source>Bạn có đồng ý không?</source>
        <translation>Do you agree?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đọc từng ý và chọn Đồng ý hoặc Không đồng ý.</source>
        <translation>Read each point and choose “I agree” or “I do not agree”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nộp hồ sơ ›</source>
        <translation>Submit the application ›</translation>
    </message>
    <message>
        <location line="+18"/>
        <source> (bắt buộc để nộp hồ sơ)</source>
        <translation> (needed to submit the application)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> (không bắt buộc)</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đồng ý</source>
        <translation>I agree</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Không đồng ý</source>
        <translation>I do not agree</translation>
    </message>
    <message>
        <location filename="../../egov/visit.py" line="-318"/>
        <source>Tôi đồng ý gửi thông tin cá nhân và giấy tờ trong hồ sơ này đến cơ quan giải quyết thủ tục. Ảnh giấy tờ được xóa khỏi máy sau khi cơ quan đã nhận hồ sơ.</source>
        <translation>I agree to send the personal information and documents in this application to the office that handles the procedure. The photos of the documents are deleted from this machine once the office has received the application.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tôi đồng ý để cơ quan dùng số điện thoại của tôi để báo tình trạng hồ sơ.</source>
        <translation>I agree that the office may use my phone number to tell me how my application is progressing.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cần có sự đồng ý gửi hồ sơ thì mới nộp được. Nếu chưa muốn nộp, hãy bấm Quay lại.</source>
        <translation>The application can only be submitted if you agree to send it. If you do not want to submit it yet, press Back.</translation>
    </message>
</context>
<context>
    <name>Delegate</name>
    <message>
        <location filename="../qml/pages/Delegate.qml" line="+9"/>
        <source>Ai đang nộp hồ sơ tại quầy?</source>
        <translation>Who is handing in the application?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thủ tục: %1</source>
        <translation>Procedure: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiếp tục ›</source>
        <translation>Continue ›</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Người nộp</source>
        <translation>Handed in by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chính chủ hồ sơ</source>
        <translation>The applicant in person</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Người được ủy quyền</source>
        <translation>An authorised person</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../egov/visit.py" line="+4"/>
        <source>Thủ tục này không được ủy quyền: người có tên trong hồ sơ phải tự đến nộp.</source>
        <translation>Nobody else can do this procedure for you: the person named in the application must come in person.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Họ tên người được ủy quyền</source>
        <translation>Full name of the authorised person</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Số định danh người được ủy quyền</source>
        <translation>ID number of the authorised person</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quan hệ với chủ hồ sơ</source>
        <translation>Relationship to the applicant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số điện thoại</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <location filename="../../egov/visit.py" line="+186"/>
        <source>Hãy nhập họ tên người được ủy quyền.</source>
        <translation>Please enter the full name of the authorised person.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Số định danh của người được ủy quyền gồm 12 chữ số.</source>
        <translation>The ID number of the authorised person has 12 digits.</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <location filename="../qml/pages/Documents.qml" line="+19"/>
        <source>Chụp giấy tờ</source>
        <translation>Photograph your documents</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Chụp lại trang %1: %2</source>
        <translation>Retake page %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chụp: %1</source>
        <translation>Photograph: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chỉnh bốn góc tờ giấy</source>
        <translation>Adjust the four corners of the paper</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xem lại: %1</source>
        <translation>Review: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đặt tờ giấy dưới máy ảnh. Máy tự chụp khi tờ giấy nằm yên, hoặc bấm “Chụp”.</source>
        <translation>Place the paper under the camera. It is taken by itself when the paper lies still, or press “Take”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đặt tờ giấy lên mặt bàn dưới máy ảnh, mặt có chữ hướng lên. Máy sẽ tự chụp khi tờ giấy nằm yên.</source>
        <translation>Lay the paper on the table under the camera, printed side up. It is taken by itself when the paper lies still.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kéo bốn chấm tròn vào đúng bốn góc tờ giấy (hoặc chạm vào chỗ góc đúng), rồi bấm “Dùng ảnh này”.</source>
        <translation>Drag the four round handles onto the four corners of the paper (or tap where a corner is), then press “Use this picture”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xem lại từng trang. Nếu ảnh mờ hoặc thiếu chữ, bấm “Chụp lại”.</source>
        <translation>Check each page. If a picture is blurred or cuts off text, press “Retake”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chọn từng giấy tờ để chụp. Máy ảnh tự chụp khi tờ giấy nằm yên.</source>
        <translation>Choose each document to photograph. The camera takes the picture when the paper lies still.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+75"/>
        <source>Chụp</source>
        <translation>Take</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Chụp ngay</source>
        <translation>Take now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dùng ảnh này ›</source>
        <translation>Use this picture ›</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xong giấy tờ này ›</source>
        <translation>Done with this document ›</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiếp tục ›</source>
        <translation>Continue ›</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>(Nếu có) </source>
        <translation>(If you have it) </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bản chính: %1 · Bản sao: %2</source>
        <translation>Originals: %1 · Copies: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>✓ Đã chụp %1 trang</source>
        <translation>✓ %1 pages taken</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chưa chụp</source>
        <translation>Not taken yet</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Xem lại</source>
        <translation>Review</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Đã chụp %1 trang của giấy tờ này.</source>
        <translation>%1 pages of this document taken.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa chụp trang nào của giấy tờ này.</source>
        <translation>No page of this document taken yet.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>✓ Ảnh đạt yêu cầu.</source>
        <translation>✓ The picture is good.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chụp lại</source>
        <translation>Retake</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Giấy tờ này chưa có trang nào.</source>
        <translation>This document has no pages yet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>+ Chụp thêm trang</source>
        <translation>+ Take another page</translation>
    </message>
    <message>
        <location filename="../../egov/visit.py" line="-191"/>
        <source>Hãy chụp ít nhất một trang cho: {name}</source>
        <translation>Please photograph at least one page of: {name}</translation>
    </message>
</context>
<context>
    <name>Dossiers</name>
    <message>
        <location filename="../../agent_point/dossier_list.py" line="+43"/>
        <source>Tình nguyện viên không được gửi lại hồ sơ cần xử lý. Hãy báo cán bộ tiếp nhận hoặc người quản lý.</source>
        <translation>Volunteers may not send an application that needs attention again. Please tell an agent or the supervisor.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đã đưa hồ sơ %1 vào hàng đợi để gửi lại.</source>
        <translation>Application %1 is back in the queue to be sent again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hồ sơ này không còn ở trạng thái cần xử lý. Danh sách đã được cập nhật.</source>
        <translation>This application no longer needs attention. The list has been updated.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không đọc được danh sách hồ sơ. Hãy thử lại.</source>
        <translation>The list of applications could not be read. Please try again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa gửi lại được hồ sơ. Hãy thử lại.</source>
        <translation>The dossier could not be queued again. Please try again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QUÁ HẠN</source>
        <translation>LATE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(đã xóa theo thời hạn lưu)</source>
        <translation>(deleted at the end of the retention period)</translation>
    </message>
</context>
<context>
    <name>Fee</name>
    <message>
        <location filename="../qml/pages/Fee.qml" line="+16"/>
        <location line="+59"/>
        <location line="+96"/>
        <source>Chuyển khoản bằng mã QR</source>
        <translation>Pay by bank transfer with the QR code</translation>
    </message>
    <message>
        <location line="-154"/>
        <source>Lệ phí</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lệ phí và phí dịch vụ</source>
        <translation>State fee and service charge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thủ tục: %1</source>
        <translation>Procedure: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đã thấy chuyển khoản thành công ›</source>
        <translation>Transfer seen as successful ›</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In phiếu hẹn ›</source>
        <translation>Print the receipt ›</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiếp tục ›</source>
        <translation>Continue ›</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Lệ phí nộp cho cơ quan nhà nước</source>
        <translation>State fee, paid to the government office</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Lệ phí này do tỉnh quy định. Cán bộ sẽ báo số tiền, và bạn nộp tại quầy khi nhận kết quả.</source>
        <translation>The province sets this fee. Staff will tell you the amount, and you pay it at the desk when you collect the result.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bạn muốn nộp lệ phí bằng cách nào?</source>
        <translation>How would you like to pay the fee?</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Nộp tại quầy khi nhận kết quả</source>
        <translation>Pay at the desk when I collect the result</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Số tiền lệ phí đã xác nhận (đồng)</source>
        <translation>Confirmed fee amount (dong)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Xác nhận số tiền</source>
        <translation>Confirm the amount</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Không thu khoản này.</source>
        <translation>Nothing to collect for this.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Thu tiền mặt</source>
        <translation>Take cash</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Tình nguyện viên không thu tiền mặt: người dân chuyển khoản bằng mã QR, hoặc nộp khi nhận kết quả.</source>
        <translation>Volunteers do not take cash: the citizen pays by QR transfer, or pays when collecting the result.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tài khoản đào tạo — không chuyển tiền thật</source>
        <translation>Training account — do not send real money</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đang tạo mã thanh toán…</source>
        <translation>Making the payment code…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Số tiền</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngân hàng</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số tài khoản</source>
        <translation>Account number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chủ tài khoản</source>
        <translation>Account holder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nội dung chuyển khoản</source>
        <translation>Transfer description</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Người dân quét mã bằng ứng dụng ngân hàng. Chỉ bấm “Đã thấy chuyển khoản thành công” sau khi đã xem màn hình báo thành công trên điện thoại của người dân.</source>
        <translation>The citizen scans the code with their banking app. Only press “Transfer seen as successful” after you have seen the success screen on the citizen&apos;s phone.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở ứng dụng ngân hàng và quét mã. Nếu không quét được, hãy nhập số tài khoản và nội dung như trên. Máy không biết được tiền đã đến hay chưa: phiếu hẹn ghi “chưa xác nhận” và in mã QR này để bạn nộp sau.</source>
        <translation>Open your banking app and scan the code. If it will not scan, type the account number and description shown here. This machine cannot see whether the money has arrived: the receipt says “not confirmed” and has this QR code on it so you can pay later.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Kiểm tra đã nộp chưa</source>
        <translation>Check whether it is paid</translation>
    </message>
    <message>
        <location filename="../fee_model.py" line="+36"/>
        <source>nộp cho cơ quan nhà nước</source>
        <translation>paid to the government office</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>của điểm tiếp nhận, tách riêng với lệ phí</source>
        <translation>for this service point, separate from the state fee</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cổng thanh toán chưa báo đã nộp. Hãy chờ một chút rồi kiểm tra lại.</source>
        <translation>The payment service has not reported the payment yet. Please wait a little and check again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cổng thanh toán báo giao dịch không thành công hoặc đã hết hạn. Hãy tạo lại mã, hoặc nộp tại quầy.</source>
        <translation>The payment service says the payment failed or has expired. Please make a new code, or pay at the desk.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đã có lỗi. Xin hãy thử lại hoặc chọn nộp tại quầy.</source>
        <translation>Something went wrong. Please try again, or choose to pay at the desk.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>✓ Đã thu tiền mặt — %1</source>
        <translation>✓ Cash taken — %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../qml/pages/Fee.qml" line="-93"/>
        <source>Nộp khi nhận kết quả</source>
        <translation>Pay when collecting the result</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✓ Đã nộp qua cổng thanh toán</source>
        <translation>✓ Paid through the payment service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qua cổng thanh toán — chưa xác nhận</source>
        <translation>Through the payment service — not confirmed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✓ Chuyển khoản — cán bộ %1 đã xem trên điện thoại</source>
        <translation>✓ Transfer — staff member %1 saw it on the phone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chuyển khoản — chưa xác nhận</source>
        <translation>Transfer — not confirmed</translation>
    </message>
    <message>
        <location line="+212"/>
        <source>Hãy xác nhận số tiền lệ phí trước.</source>
        <translation>Please confirm the fee amount first.</translation>
    </message>
    <message>
        <location filename="../../egov/visit.py" line="+8"/>
        <source>Tình nguyện viên không được thu tiền mặt. Hãy để người dân chuyển khoản bằng mã QR, hoặc nộp khi nhận kết quả.</source>
        <translation>Volunteers may not take cash. Please let the citizen pay by QR transfer, or pay when collecting the result.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ki-ốt không nhận tiền mặt. Hãy chuyển khoản bằng mã QR, hoặc nộp tại quầy khi nhận kết quả.</source>
        <translation>This kiosk does not take cash. Please pay by QR transfer, or at the desk when you collect the result.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Khoản này không nộp được bằng chuyển khoản ở đây. Hãy chọn cách nộp khác.</source>
        <translation>This cannot be paid by transfer here. Please choose another way to pay.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lệ phí này do tỉnh quy định: hãy nhập số tiền đã xác nhận trước khi thu.</source>
        <translation>The province sets this fee: please enter the confirmed amount before taking it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hãy nhập số tiền bằng chữ số, ví dụ 100000.</source>
        <translation>Please enter the amount in digits, for example 100000.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số tiền của khoản này đã biết, không cần nhập.</source>
        <translation>The amount of this charge is already known; there is nothing to enter.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hãy chọn cách nộp lệ phí.</source>
        <translation>Please choose how the state fee is paid.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hãy chọn cách nộp phí dịch vụ.</source>
        <translation>Please choose how the service charge is paid.</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <location filename="../qml/components/Field.qml" line="+42"/>
        <source>✓ Lấy từ thẻ</source>
        <translation>✓ Taken from the card</translation>
    </message>
</context>
<context>
    <name>Flow</name>
    <message>
        <location filename="../../egov/flow.py" line="+44"/>
        <source>Xác định người nộp</source>
        <translation>Who is applying</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chọn thủ tục</source>
        <translation>Choose the procedure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Điền tờ khai</source>
        <translation>Fill in the form</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chụp giấy tờ</source>
        <translation>Photograph documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kiểm tra và đồng ý</source>
        <translation>Check and agree</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nộp hồ sơ</source>
        <translation>Submit the application</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <location filename="../qml/pages/Form.qml" line="+7"/>
        <source>Tờ khai: %1</source>
        <translation>Form: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Các ô có dấu * là bắt buộc. Thông tin lấy từ thẻ đã được điền sẵn.</source>
        <translation>Boxes marked * must be filled in. Information from your card is already filled in.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiếp tục ›</source>
        <translation>Continue ›</translation>
    </message>
    <message>
        <location filename="../../egov/forms.py" line="+31"/>
        <source>Hãy nhập {label}.</source>
        <translation>Please enter {label}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hãy chọn {label}.</source>
        <translation>Please choose {label}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} dài quá {max_length} ký tự. Hãy viết ngắn lại.</source>
        <translation>{label} is longer than {max_length} characters. Please make it shorter.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hãy nhập {label} theo dạng ngày/tháng/năm, ví dụ 05/09/2024.</source>
        <translation>Please enter {label} as day/month/year, for example 05/09/2024.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} không thể là ngày trong tương lai. Hãy kiểm tra lại.</source>
        <translation>{label} cannot be a date in the future. Please check it again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} không hợp lệ. Hãy kiểm tra lại năm.</source>
        <translation>{label} is not valid. Please check the year.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hãy nhập {label} chỉ bằng chữ số, ví dụ 2.</source>
        <translation>Please enter {label} using digits only, for example 2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} phải từ {min} trở lên.</source>
        <translation>{label} must be {min} or more.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} không được lớn hơn {max}.</source>
        <translation>{label} cannot be more than {max}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} gồm đúng 12 chữ số, in ở mặt trước thẻ căn cước. Hãy kiểm tra lại.</source>
        <translation>{label} has exactly 12 digits, printed on the front of the citizen ID card. Please check it again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{label} chưa đúng. Hãy nhập số điện thoại 10 chữ số bắt đầu bằng 0, ví dụ 0912 345 678.</source>
        <translation>{label} is not right. Please enter a 10-digit phone number starting with 0, for example 0912 345 678.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hãy chọn {label} trong danh sách.</source>
        <translation>Please choose {label} from the list.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} chưa đúng. Hãy kiểm tra lại.</source>
        <translation>{label} is not right. Please check it again.</translation>
    </message>
</context>
<context>
    <name>Identify</name>
    <message>
        <location filename="../qml/pages/Identify.qml" line="+8"/>
        <source>Thông tin của người nộp hồ sơ</source>
        <translation>The applicant&apos;s details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chọn một cách dưới đây.</source>
        <translation>Choose one of the ways below.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đọc thẻ căn cước gắn chip</source>
        <translation>Read the chip ID card</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nhập thông tin in trên thẻ căn cước</source>
        <translation>Type in the details printed on the citizen ID card</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Dùng công dân MẪU (để thử, không phải người thật)</source>
        <translation>Use the SAMPLE citizen (for practice, not a real person)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Máy không hỏi và không lưu mật khẩu VNeID của bạn.</source>
        <translation>This machine never asks for your VNeID password and never stores it.</translation>
    </message>
</context>
<context>
    <name>Identity</name>
    <message>
        <location filename="../../egov/identity.py" line="+33"/>
        <source>Số định danh cá nhân</source>
        <translation>Personal ID number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Họ, chữ đệm và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày, tháng, năm sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quốc tịch</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dân tộc</source>
        <translation>Ethnic group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tôn giáo</source>
        <translation>Religion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quê quán</source>
        <translation>Place of origin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nơi thường trú</source>
        <translation>Permanent address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày cấp</source>
        <translation>Date of issue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Có giá trị đến</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số CMND cũ</source>
        <translation>Old ID card number (CMND)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Họ tên cha</source>
        <translation>Father&apos;s full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Họ tên mẹ</source>
        <translation>Mother&apos;s full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Họ tên vợ/chồng</source>
        <translation>Husband&apos;s or wife&apos;s full name</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Số định danh cá nhân gồm đúng 12 chữ số, in ở mặt trước thẻ.</source>
        <translation>The personal ID number has exactly 12 digits, printed on the front of the card.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hãy nhập họ và tên như in trên thẻ.</source>
        <translation>Please enter the full name as printed on the card.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hãy nhập ngày sinh theo dạng ngày/tháng/năm, ví dụ 05/09/1958.</source>
        <translation>Please enter the date of birth as day/month/year, for example 05/09/1958.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ngày sinh không hợp lệ. Hãy kiểm tra lại.</source>
        <translation>This date of birth is not valid. Please check it again.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Hãy chọn giới tính: Nam hoặc Nữ.</source>
        <translation>Please choose the sex: Male or Female.</translation>
    </message>
</context>
<context>
    <name>IdentityManual</name>
    <message>
        <location filename="../qml/pages/IdentityManual.qml" line="+8"/>
        <source>Nhập thông tin in trên thẻ căn cước</source>
        <translation>Type in the details printed on the citizen ID card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhìn mặt trước của thẻ và nhập đúng như trên thẻ.</source>
        <translation>Look at the front of the card and type exactly what is printed there.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiếp tục ›</source>
        <translation>Continue ›</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Số định danh cá nhân (12 chữ số)</source>
        <translation>Personal ID number (12 digits)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Họ, chữ đệm và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ngày sinh (ngày/tháng/năm)</source>
        <translation>Date of birth (day/month/year)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ví dụ: 05/09/1958</source>
        <translation>For example: 05/09/1958</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nơi thường trú</source>
        <translation>Permanent address</translation>
    </message>
</context>
<context>
    <name>Lookup</name>
    <message>
        <location filename="../lookup_model.py" line="+51"/>
        <source>Mã hồ sơ chưa đúng. Hãy gõ đúng như trên phiếu hẹn, ví dụ H01.99-261123-0001 hoặc TN-1A2B3C4D.</source>
        <translation>That is not a application code. Type it as it is on the receipt, for example H01.99-261123-0001 or TN-1A2B3C4D.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hãy nhập đủ 4 chữ số cuối của số định danh cá nhân.</source>
        <translation>Please enter the last 4 digits of the personal ID number.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa thấy mã QR. Đặt phiếu hẹn dưới máy ảnh, mã QR hướng lên, giữ yên rồi bấm quét lại; hoặc bấm “Nhập mã hồ sơ”.</source>
        <translation>No QR code seen. Lay the receipt under the camera, QR code up, hold it still and scan again; or tap “Type the application code”.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mã QR vừa quét không phải mã trên phiếu hẹn. Hãy đặt phiếu hẹn dưới máy ảnh, mã QR hướng lên, rồi bấm quét lại.</source>
        <translation>That QR code is not the one on a receipt. Lay the receipt under the camera, QR code up, and scan again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>✓ Thông tin mới nhất từ cổng dịch vụ công.</source>
        <translation>✓ The latest from the public service portal.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa kết nối được cổng dịch vụ công. Đây là thông tin cập nhật lần cuối lúc %1.</source>
        <translation>The public service portal cannot be reached now. This was last updated at %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa kết nối được cổng dịch vụ công, và máy chưa có thông tin mới về hồ sơ này.</source>
        <translation>The public service portal cannot be reached now, and this kiosk has no news of this application yet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa tra cứu được. Xin hãy thử lại hoặc bấm “Gọi nhân viên hỗ trợ”.</source>
        <translation>The look-up did not work. Please try again or tap “Call staff for help”.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 ngày %2</source>
        <translation>%1 on %2</translation>
    </message>
    <message>
        <location filename="../qml/pages/Lookup.qml" line="+10"/>
        <source>Đang tìm mã QR trên phiếu hẹn…</source>
        <translation>Looking for the QR code on the receipt…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang tra cứu…</source>
        <translation>Looking it up…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tra cứu hồ sơ đã nộp</source>
        <translation>Look up an application you handed in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giữ yên phiếu hẹn dưới máy ảnh, mã QR hướng lên.</source>
        <translation>Hold the receipt still under the camera, QR code up.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Máy đang hỏi cổng dịch vụ công. Xin chờ một chút.</source>
        <translation>Asking the public service portal. Please wait a moment.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bạn cần phiếu hẹn đã nhận khi nộp hồ sơ.</source>
        <translation>You need the receipt you were given when you handed the application in.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Quét mã QR trên phiếu hẹn</source>
        <translation>Scan the QR code on the receipt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Đặt phiếu hẹn dưới máy ảnh, mã QR hướng lên, rồi chạm vào nút trên.</source>
        <translation>Lay the receipt under the camera, QR code up, then tap the button above.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nhập mã hồ sơ</source>
        <translation>Type the application code</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Gõ mã hồ sơ in trên phiếu hẹn, rồi 4 số cuối của số định danh cá nhân.</source>
        <translation>Type the application code printed on the receipt, then the last 4 digits of the personal ID number.</translation>
    </message>
</context>
<context>
    <name>LookupCode</name>
    <message>
        <location filename="../qml/pages/LookupCode.qml" line="+7"/>
        <source>Nhập mã hồ sơ</source>
        <translation>Type the application code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mã hồ sơ in trên phiếu hẹn, ví dụ H01.99-261123-0001. Hồ sơ chưa gửi được có số tham chiếu bắt đầu bằng TN-.</source>
        <translation>The application code is printed on the receipt, for example H01.99-261123-0001. An application not yet sent has a reference starting with TN-.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiếp tục ›</source>
        <translation>Continue ›</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mã hồ sơ</source>
        <translation>Application code</translation>
    </message>
</context>
<context>
    <name>LookupDigits</name>
    <message>
        <location filename="../qml/pages/LookupDigits.qml" line="+8"/>
        <source>Nhập 4 số cuối của số định danh cá nhân</source>
        <translation>Enter the last 4 digits of the personal ID number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang tra cứu… Máy đang hỏi cổng dịch vụ công.</source>
        <translation>Looking it up… Asking the public service portal.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số định danh cá nhân có 12 chữ số, in ở mặt trước thẻ căn cước của người nộp hồ sơ.</source>
        <translation>The personal ID number has 12 digits and is printed on the front of the applicant’s ID card.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tra cứu ›</source>
        <translation>Look up ›</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mã hồ sơ: %1</source>
        <translation>Application code: %1</translation>
    </message>
</context>
<context>
    <name>LookupResult</name>
    <message>
        <location filename="../qml/pages/LookupResult.qml" line="+11"/>
        <source>Tình trạng hồ sơ</source>
        <translation>Application status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Không tìm thấy hồ sơ</source>
        <translation>Application not found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thử lại</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Từ ngày</source>
        <translation>Since</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày hẹn trả kết quả</source>
        <translation>Result due on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 – ĐÃ QUÁ HẠN</source>
        <translation>%1 – LATE</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="+13"/>
        <source>Dịch vụ công trực tuyến</source>
        <translation>Online public services</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Bạn có cần thêm thời gian không?</source>
        <translation>Do you need more time?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nếu không, sau %1 giây máy sẽ xóa thông tin bạn đã nhập và trở về trang đầu.</source>
        <translation>If not, in %1 seconds this machine will clear what you have entered and go back to the start.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Có, tôi cần thêm thời gian</source>
        <translation>Yes, I need more time</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kết thúc</source>
        <translation>No, finish now</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Đã báo nhân viên hỗ trợ</source>
        <translation>A staff member has been called</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xin vui lòng chờ, nhân viên sẽ đến ngay. Thông tin bạn đã nhập vẫn được giữ nguyên.</source>
        <translation>Please wait, a staff member is on the way. Everything you have entered is kept.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã hiểu</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <location filename="../../egov/text.py" line="+38"/>
        <source>Miễn phí</source>
        <translation>Free of charge</translation>
    </message>
    <message>
        <location filename="../../egov/catalog.py" line="+28"/>
        <source>Theo mức thu do tỉnh quy định</source>
        <translation>As set by the province</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khoảng {amount} (theo mức thu do tỉnh quy định)</source>
        <translation>About {amount} (as set by the province)</translation>
    </message>
    <message>
        <location filename="../../egov/fees.py" line="+44"/>
        <source>Lệ phí</source>
        <translation>State fee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phí dịch vụ</source>
        <translation>Service charge</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <location filename="../../egov/outbox.py" line="+83"/>
        <source>Hồ sơ đã được gửi đến cơ quan giải quyết.</source>
        <translation>Your application has been sent to the office that handles it.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã ghi nhận hồ sơ. Hiện chưa kết nối được cổng dịch vụ công; hồ sơ sẽ tự gửi khi có mạng.</source>
        <translation>Your application has been recorded. The public services portal cannot be reached right now; the application will be sent by itself when the connection is back.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cổng dịch vụ công chưa nhận hồ sơ này. Cán bộ sẽ kiểm tra và liên hệ lại với bạn.</source>
        <translation>The public services portal has not accepted this application yet. A staff member will check it and contact you.</translation>
    </message>
</context>
<context>
    <name>PageCard</name>
    <message>
        <location filename="../qml/components/PageCard.qml" line="+28"/>
        <source>Trang %1</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>‹ Lên trước</source>
        <translation>‹ Move earlier</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ra sau ›</source>
        <translation>Move later ›</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chụp lại</source>
        <translation>Retake</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>PageFrame</name>
    <message>
        <location filename="../qml/components/PageFrame.qml" line="+55"/>
        <source>MẪU – dữ liệu thử</source>
        <translation>SAMPLE – practice data</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cán bộ: %1</source>
        <translation>Officer: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bước %1/%2 – %3</source>
        <translation>Step %1 of %2 – %3</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>‹ Quay lại</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Gọi nhân viên hỗ trợ</source>
        <translation>Call staff for help</translation>
    </message>
</context>
<context>
    <name>Payment</name>
    <message>
        <location filename="../../egov/vietqr.py" line="+86"/>
        <source>Mã ngân hàng (BIN) phải gồm đúng 6 chữ số.</source>
        <translation>The bank code (BIN) must be exactly 6 digits.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không có ngân hàng nào mang mã BIN này trong danh sách ngân hàng. Hãy kiểm tra lại mã.</source>
        <translation>No bank in the bank list has this BIN. Please check the code.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Số tài khoản không hợp lệ: chỉ gồm chữ và số, không dấu cách, tối đa 19 ký tự.</source>
        <translation>Invalid account number: letters and digits only, no spaces, at most 19 characters.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Số thẻ không hợp lệ: phải gồm từ 16 đến 19 chữ số.</source>
        <translation>Invalid card number: it must have 16 to 19 digits.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số tiền phải là một số nguyên đồng, từ 1 đồng đến 9.999.999.999.999 đồng.</source>
        <translation>The amount must be a whole number of dong, from 1 to 9,999,999,999,999 dong.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nội dung chuyển khoản chỉ được có chữ không dấu, chữ số, dấu cách và các dấu câu thông thường.</source>
        <translation>The transfer description may only contain letters without accents, digits, spaces and ordinary punctuation.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nội dung chuyển khoản quá dài: tối đa 25 ký tự, tính sau khi bỏ dấu.</source>
        <translation>The transfer description is too long: at most 25 characters, counted after removing accents.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mã QR này không phải mã VietQR chuyển khoản hợp lệ.</source>
        <translation>This QR code is not a valid VietQR transfer code.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mã QR này không phải mã chuyển khoản VietQR (NAPAS 247) bằng tiền đồng.</source>
        <translation>This QR code is not a VietQR (NAPAS 247) transfer in dong.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mã QR chuyển khoản bị sai mã kiểm tra. Hãy quét lại, hoặc tạo lại mã QR.</source>
        <translation>The transfer QR code has a wrong check code. Scan it again, or make a new QR code.</translation>
    </message>
    <message>
        <location filename="../../egov/payment.py" line="+71"/>
        <source>Khoản này chưa nộp được bằng chuyển khoản. Hãy nộp tại quầy khi nhận kết quả.</source>
        <translation>This cannot be paid by transfer yet. Please pay at the desk when you collect the result.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa kết nối được cổng thanh toán. Hãy thử lại sau ít phút, hoặc nộp tại quầy.</source>
        <translation>Cannot reach the payment service. Please try again in a few minutes, or pay at the desk.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cổng thanh toán trả lời quá chậm. Hãy thử lại sau ít phút, hoặc nộp tại quầy.</source>
        <translation>The payment service is answering too slowly. Please try again in a few minutes, or pay at the desk.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cổng thanh toán đang gặp sự cố. Hãy thử lại sau ít phút, hoặc nộp tại quầy.</source>
        <translation>The payment service has a problem. Please try again in a few minutes, or pay at the desk.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cổng thanh toán không nhận yêu cầu này. Hãy báo cán bộ, hoặc nộp tại quầy.</source>
        <translation>The payment service did not accept this request. Please tell staff, or pay at the desk.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cổng thanh toán trả lời không đúng quy định. Hãy báo cán bộ, hoặc nộp tại quầy.</source>
        <translation>The payment service gave an answer it should not. Please tell staff, or pay at the desk.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cổng thanh toán không tìm thấy giao dịch này. Hãy tạo lại mã thanh toán.</source>
        <translation>The payment service cannot find this payment. Please make a new payment code.</translation>
    </message>
</context>
<context>
    <name>Portal</name>
    <message>
        <location filename="../../egov/portal/client.py" line="+64"/>
        <source>Không kết nối được với cổng dịch vụ công. Hồ sơ của bạn đã được lưu và sẽ được gửi khi có mạng.</source>
        <translation>Cannot connect to the public services portal. Your application has been saved and will be sent when the connection is back.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cổng dịch vụ công chưa trả lời kịp. Hồ sơ của bạn đã được lưu và sẽ được gửi lại tự động.</source>
        <translation>The public services portal did not answer in time. Your application has been saved and will be sent again automatically.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Không tạo được kết nối an toàn với cổng dịch vụ công. Hồ sơ của bạn đã được lưu. Xin vui lòng báo nhân viên hỗ trợ.</source>
        <translation>Cannot make a secure connection to the public services portal. Your application has been saved. Please tell a staff member.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Máy này chưa được phép gửi hồ sơ lên cổng dịch vụ công. Hồ sơ của bạn đã được lưu. Xin vui lòng báo nhân viên hỗ trợ.</source>
        <translation>This machine is not yet allowed to send applications to the public services portal. Your application has been saved. Please tell a staff member.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cổng dịch vụ công chưa nhận hồ sơ vì có thông tin chưa hợp lệ. Xin vui lòng nhờ nhân viên hỗ trợ kiểm tra.</source>
        <translation>The public services portal did not accept the application because some information is not valid. Please ask a staff member to check it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Không tìm thấy thông tin này trên cổng dịch vụ công. Xin vui lòng kiểm tra lại mã hồ sơ.</source>
        <translation>This information was not found on the public services portal. Please check the application code again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hồ sơ này đã được gửi trước đó với nội dung khác. Xin vui lòng nhờ nhân viên hỗ trợ kiểm tra.</source>
        <translation>This application was already sent before with different details. Please ask a staff member to check it.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hồ sơ quá lớn để gửi. Xin vui lòng nhờ nhân viên hỗ trợ bớt số trang hoặc chụp lại giấy tờ.</source>
        <translation>The application is too large to send. Please ask a staff member to remove some pages or photograph the documents again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cổng dịch vụ công đang gặp sự cố. Hồ sơ của bạn đã được lưu và sẽ được gửi lại sau.</source>
        <translation>The public services portal is having a problem. Your application has been saved and will be sent again later.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cổng dịch vụ công trả lời không đúng quy định. Xin vui lòng báo nhân viên hỗ trợ.</source>
        <translation>The public services portal gave an answer that was not expected. Please tell a staff member.</translation>
    </message>
</context>
<context>
    <name>PortalStatus</name>
    <message>
        <location filename="../../egov/portal/contract.py" line="+82"/>
        <source>Mới đăng ký</source>
        <translation>Newly registered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Được tiếp nhận</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không được tiếp nhận</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang xử lý</source>
        <translation>Being processed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yêu cầu bổ sung giấy tờ</source>
        <translation>More documents needed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yêu cầu thực hiện nghĩa vụ tài chính</source>
        <translation>Payment needed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Công dân yêu cầu rút hồ sơ</source>
        <translation>Withdrawn at the citizen&apos;s request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dừng xử lý</source>
        <translation>Processing stopped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã xử lý xong</source>
        <translation>Processing finished</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã trả kết quả</source>
        <translation>Result handed over</translation>
    </message>
</context>
<context>
    <name>Printer</name>
    <message>
        <location filename="../../hardware/printer/errors.py" line="+25"/>
        <source>Máy in chưa sẵn sàng. Vui lòng báo cán bộ hướng dẫn.</source>
        <translation>The printer is not ready. Please tell a staff member.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Máy in hết giấy. Vui lòng báo cán bộ hướng dẫn.</source>
        <translation>The printer is out of paper. Please tell a staff member.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nắp máy in đang mở. Vui lòng báo cán bộ hướng dẫn.</source>
        <translation>The printer cover is open. Please tell a staff member.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Máy in không phản hồi. Phiếu có thể chưa được in; bạn có thể in lại.</source>
        <translation>The printer is not responding. The slip may not have been printed; you can print it again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Máy in chưa được cài đặt. Vui lòng báo cán bộ hướng dẫn.</source>
        <translation>The printer has not been set up. Please tell a staff member.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Máy in sắp hết giấy. Cán bộ hãy thay cuộn giấy mới.</source>
        <translation>The printer is running out of paper. Staff: please put in a new roll.</translation>
    </message>
    <message>
        <location filename="../../hardware/printer/station.py" line="+49"/>
        <source>Máy in sẵn sàng.</source>
        <translation>The printer is ready.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chưa biết máy in có sẵn sàng không. Nếu phiếu không ra, vui lòng báo cán bộ.</source>
        <translation>We cannot tell whether the printer is ready. If no slip comes out, please tell a staff member.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Máy in hết giấy khi đang in. Khi có giấy, phiếu có thể tự in tiếp; nếu không thấy phiếu, bấm “In lại phiếu hẹn” (phiếu in lại ghi “BẢN IN LẠI”).</source>
        <translation>The printer ran out of paper while printing. Once it has paper, the slip may finish printing by itself; if no slip comes out, press “Print the appointment slip again” (the new copy says “BẢN IN LẠI”, reprint).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Máy in không xác nhận đã in xong. Nếu không thấy phiếu, bấm “In lại phiếu hẹn” (phiếu in lại ghi “BẢN IN LẠI”).</source>
        <translation>The printer did not confirm that it finished. If no slip came out, press “Print the appointment slip again” (the new copy says “BẢN IN LẠI”, reprint).</translation>
    </message>
</context>
<context>
    <name>Procedure</name>
    <message>
        <location filename="../qml/pages/Procedure.qml" line="+8"/>
        <source>Bạn muốn làm thủ tục gì?</source>
        <translation>Which procedure do you need?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Các thủ tục được làm nhiều nhất. Hoặc gõ tên thủ tục, có dấu hay không dấu đều được.</source>
        <translation>These are the most common procedures. Or type the name of a procedure, with or without Vietnamese accents.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tìm thủ tục</source>
        <translation>Find a procedure</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Không tìm thấy thủ tục nào. Hãy thử gõ ngắn hơn, ví dụ “khai sinh”, hoặc bấm “Gọi nhân viên hỗ trợ”.</source>
        <translation>No procedure was found. Try typing fewer words, for example “khai sinh” (birth registration), or press “Call staff for help”.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Lệ phí: %1 · %2 · Mã %3</source>
        <translation>Fee: %1 · %2 · Code %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trả kết quả trong ngày</source>
        <translation>Result on the same day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ngày làm việc</source>
        <translation>%1 working day(s)</translation>
    </message>
    <message>
        <location filename="../../egov/visit.py" line="+126"/>
        <source>Không tìm thấy thủ tục này.</source>
        <translation>This procedure was not found.</translation>
    </message>
</context>
<context>
    <name>Rating</name>
    <message>
        <location filename="../qml/pages/Rating.qml" line="+7"/>
        <source>Bạn có hài lòng với dịch vụ hôm nay không?</source>
        <translation>Are you happy with the service today?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bỏ qua và kết thúc</source>
        <translation>Skip and finish</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rất hài lòng</source>
        <translation>Very happy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hài lòng</source>
        <translation>Happy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bình thường</source>
        <translation>Average</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không hài lòng</source>
        <translation>Not happy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rất không hài lòng</source>
        <translation>Very unhappy</translation>
    </message>
    <message>
        <location filename="../../egov/visit.py" line="+331"/>
        <source>Hãy chọn một mức từ 1 đến 5.</source>
        <translation>Please choose a score from 1 to 5.</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <location filename="../qml/pages/Receipt.qml" line="+7"/>
        <source>Đã nộp hồ sơ</source>
        <translation>Your application has been submitted</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đã ghi nhận hồ sơ</source>
        <translation>Your application has been recorded</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hoàn tất ›</source>
        <translation>Finish ›</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Mã hồ sơ của bạn</source>
        <translation>Your application code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Số tham chiếu tạm</source>
        <translation>Temporary reference number</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Ngày hẹn trả kết quả: %1</source>
        <translation>Date to collect the result: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tiếp theo:
• Cơ quan sẽ xem xét hồ sơ và báo nếu cần bổ sung.
• Dùng mã hồ sơ hoặc quét mã QR trên phiếu để tra cứu.
• Mang theo phiếu này và thẻ căn cước khi đến nhận kết quả.</source>
        <translation>What happens next:
• The office will look at your application and tell you if anything more is needed.
• To check progress, use the application code or scan the QR code on the slip.
• Bring this slip and your citizen ID card when you come to collect the result.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>In lại phiếu hẹn</source>
        <translation>Print the appointment slip again</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In phiếu hẹn</source>
        <translation>Print the appointment slip</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Đang in phiếu hẹn…</source>
        <translation>Printing the appointment slip…</translation>
    </message>
</context>
<context>
    <name>Scanner</name>
    <message>
        <location filename="../scan_model.py" line="+45"/>
        <source>Không làm được ảnh trang này. Xin hãy chụp lại.</source>
        <translation>This page&apos;s picture could not be made. Please take it again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ảnh giấy tờ quá nặng để gửi. Hãy xóa bớt trang thừa hoặc báo cán bộ hướng dẫn.</source>
        <translation>The document pictures are too large to send. Delete extra pages or tell a staff member.</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Đang mở máy ảnh…</source>
        <translation>Opening the camera…</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>Bốn góc này không tạo thành một tờ giấy. Hãy kéo lại cho đúng.</source>
        <translation>These four corners do not make a sheet of paper. Please drag them again.</translation>
    </message>
    <message>
        <location filename="../../hardware/scanner/formats.py" line="+105"/>
        <source>Khổ A4</source>
        <translation>A4 size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khổ B5</source>
        <translation>B5 size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khổ A5</source>
        <translation>A5 size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thẻ (căn cước, giấy phép lái xe)</source>
        <translation>Card (ID card, driving licence)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trang sổ hộ khẩu</source>
        <translation>Household register page</translation>
    </message>
    <message>
        <location filename="../../hardware/scanner/live.py" line="+56"/>
        <source>Đang chụp, xin giữ yên…</source>
        <translation>Taking the picture, please keep still…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã thấy giấy. Xin giữ yên…</source>
        <translation>Paper found. Please keep it still…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã chụp trang này. Hãy lấy tờ giấy ra rồi đặt trang tiếp theo vào.</source>
        <translation>This page is taken. Remove the paper and lay the next page.</translation>
    </message>
    <message>
        <location filename="../../hardware/scanner/quality.py" line="+44"/>
        <source>Chưa thấy giấy. Hãy đặt tờ giấy lên mặt bàn, dưới máy ảnh.</source>
        <translation>No paper seen yet. Lay the paper on the table, under the camera.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Một phần tờ giấy nằm ngoài khung hình. Hãy đẩy tờ giấy vào giữa mặt bàn.</source>
        <translation>Part of the paper is outside the picture. Push the paper to the middle of the table.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tờ giấy trông quá nhỏ. Hãy đặt tờ giấy vào giữa mặt bàn, dưới máy ảnh.</source>
        <translation>The paper looks too small. Lay it in the middle of the table, under the camera.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hãy để yên tờ giấy và bỏ tay ra một chút.</source>
        <translation>Leave the paper still and take your hand away for a moment.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ảnh quá tối. Hãy bật đèn hoặc báo cán bộ hướng dẫn.</source>
        <translation>The picture is too dark. Turn on the light or tell a staff member.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ảnh quá sáng. Hãy tránh ánh nắng chiếu thẳng hoặc báo cán bộ hướng dẫn.</source>
        <translation>The picture is too bright. Avoid direct sunlight or tell a staff member.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tờ giấy bị lóa sáng. Hãy bỏ lớp bọc nhựa hoặc xoay nhẹ tờ giấy.</source>
        <translation>There is glare on the paper. Remove the plastic sleeve or turn the paper slightly.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ảnh bị mờ. Hãy để yên tờ giấy để chụp lại.</source>
        <translation>The picture is blurred. Keep the paper still to take it again.</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../qml/pages/SignIn.qml" line="+7"/>
        <source>Đăng nhập điểm tiếp nhận</source>
        <translation>Sign in to the reception point</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dùng tài khoản do người quản lý cấp. Không dùng tài khoản VNeID của công dân.</source>
        <translation>Use the account your manager gave you. Do not use a citizen&apos;s VNeID account.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>Submit</name>
    <message>
        <location filename="../qml/pages/Submit.qml" line="+8"/>
        <source>Đang gửi hồ sơ…</source>
        <translation>Sending your application…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chưa gửi được hồ sơ</source>
        <translation>The application could not be sent yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xin chờ một chút, không cần bấm gì.</source>
        <translation>Please wait a moment. You do not need to press anything.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thử gửi lại</source>
        <translation>Try sending again</translation>
    </message>
</context>
<context>
    <name>Tracking</name>
    <message>
        <location filename="../../egov/tracking.py" line="+77"/>
        <source>Không tìm thấy hồ sơ với mã và số cuối giấy tờ này. Hãy kiểm tra lại mã trên phiếu hẹn và 4 số cuối của số định danh cá nhân.</source>
        <translation>No dossier was found with this code and these digits. Check the code on your appointment slip and the last 4 digits of your personal ID number.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chưa kết nối được cổng dịch vụ công để tra cứu hồ sơ này. Hãy thử lại sau ít phút hoặc hỏi cán bộ tại quầy.</source>
        <translation>The public-service portal cannot be reached to look this dossier up. Try again in a few minutes or ask the staff at the desk.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hồ sơ đã được ghi nhận tại đây và sẽ tự gửi đến cơ quan giải quyết khi có mạng.</source>
        <translation>Your dossier is recorded here and will be sent to the agency by itself when the network is back.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hồ sơ đang được gửi đến cơ quan giải quyết.</source>
        <translation>Your dossier is being sent to the agency.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hồ sơ cần cán bộ kiểm tra trước khi gửi. Hãy hỏi cán bộ tại quầy tiếp nhận.</source>
        <translation>Your dossier needs a check by staff before it is sent. Please ask at the reception desk.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cổng dịch vụ công không nhận hồ sơ này. Hãy hỏi cán bộ tại quầy tiếp nhận.</source>
        <translation>The public-service portal did not take this dossier. Please ask at the reception desk.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hồ sơ đã đến cơ quan và đang chờ tiếp nhận.</source>
        <translation>Your dossier has reached the agency and is waiting to be received.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan đã tiếp nhận hồ sơ.</source>
        <translation>The agency has received your dossier.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan không tiếp nhận hồ sơ. Hãy hỏi cán bộ tại quầy để biết lý do.</source>
        <translation>The agency did not accept your dossier. Ask at the desk for the reason.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hồ sơ đang được giải quyết.</source>
        <translation>Your dossier is being processed.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan cần bạn bổ sung giấy tờ. Hãy đến quầy tiếp nhận hoặc gọi nhân viên hỗ trợ.</source>
        <translation>The agency needs more documents from you. Please come to the reception desk or call for help.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cần nộp phí, lệ phí trước khi nhận kết quả. Hãy hỏi cán bộ tại quầy.</source>
        <translation>Fees must be paid before you receive the result. Please ask at the desk.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hồ sơ đã được rút theo yêu cầu.</source>
        <translation>The dossier was withdrawn at your request.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan đã dừng giải quyết hồ sơ. Hãy hỏi cán bộ tại quầy để biết lý do.</source>
        <translation>The agency has stopped processing your dossier. Ask at the desk for the reason.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã có kết quả. Bạn mang phiếu hẹn và giấy tờ tùy thân đến nhận kết quả.</source>
        <translation>The result is ready. Bring your appointment slip and your ID to collect it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã trả kết quả.</source>
        <translation>The result has been handed over.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chờ gửi</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang gửi</source>
        <translation>Being sent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã gửi đến cơ quan</source>
        <translation>Sent to the agency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cổng không nhận</source>
        <translation>Refused by the portal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cần xử lý</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hồ sơ đã quá ngày hẹn trả kết quả. Hãy hỏi cán bộ tại quầy tiếp nhận.</source>
        <translation>Your dossier is past its appointment date. Please ask at the reception desk.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hồ sơ đã được gửi đến cơ quan giải quyết; chưa có thông tin mới.</source>
        <translation>Your dossier was sent to the agency; there is no news yet.</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <location filename="../qml/pages/Welcome.qml" line="+29"/>
        <source>Dịch vụ công trực tuyến</source>
        <translation>Online public services</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tiếp nhận hồ sơ cho công dân: xác định người nộp, chọn thủ tục, điền tờ khai, chụp giấy tờ và gửi.</source>
        <translation>Receive applications for citizens: identify the applicant, choose the procedure, fill in the form, photograph the documents and send.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xin chào! Máy này giúp bạn nộp hồ sơ thủ tục hành chính: đăng ký khai sinh, tạm trú, chứng thực và nhiều thủ tục khác.</source>
        <translation>Hello! This machine helps you apply for public services: birth registration, temporary residence, certified copies and many more.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bắt đầu tiếp nhận</source>
        <translation>Start a new application</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chạm vào đây để bắt đầu</source>
        <translation>Touch here to start</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tra cứu hồ sơ đã nộp</source>
        <translation>Look up an application you handed in</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cần giúp đỡ? Hãy hỏi cán bộ tại quầy hoặc gọi %1.</source>
        <translation>Need help? Ask the staff at the counter or call %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Danh mục thủ tục: phiên bản %1, cập nhật %2</source>
        <translation>List of procedures: version %1, updated %2</translation>
    </message>
</context>
</TS>
